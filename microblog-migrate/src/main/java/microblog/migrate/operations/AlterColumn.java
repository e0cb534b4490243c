package microblog.migrate.operations;

import java.util.List;
import java.util.Objects;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.Schema;

/**
 * Changes one column's type, nullability or server default. Both shapes are
 * kept whole: MySQL restates the full definition, SQLite rebuilds the table
 * with it, and the inverse is the same operation with the two swapped.
 */
public record AlterColumn(String table, Column from, Column to) implements Operation {
    public AlterColumn {
        if (!from.name().equals(to.name())) {
            throw new IllegalArgumentException("alter_column keeps the name; use rename_column to rename");
        }
    }

    public String column() {
        return to.name();
    }

    public boolean changesType() {
        return !from.type().equals(to.type());
    }

    public boolean changesNullability() {
        return from.nullable() != to.nullable();
    }

    public boolean changesServerDefault() {
        return !Objects.equals(from.serverDefault(), to.serverDefault());
    }

    /**
     * This change as it applies to {@code live}, the column as the database has
     * it: from its real shape, keeping its primary key and generated values
     * (which alter_column never changes), whatever a hand-edited revision says.
     */
    public AlterColumn against(Column live) {
        Column kept = to.withPrimaryKey(live.primaryKey()).withAutoincrement(live.autoincrement());
        return new AlterColumn(table, live, kept);
    }

    public AlterColumn inverse() {
        return new AlterColumn(table, to, from);
    }

    /** The same change the other way: both shapes are kept whole, so no schema is needed. */
    @Override
    public List<Operation> inverse(Schema before) {
        return List.of(inverse());
    }

    @Override
    public String describe() {
        return "alter_column " + table + "." + column();
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.alterColumn(this);
    }
}
