package microblog.migrate.operations;

import java.util.ArrayList;
import java.util.List;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;

public record DropColumn(String table, String column) implements Operation {
    /**
     * The column as it was, then the unique constraints, indexes and foreign
     * keys over it, which dropping it took along (foreign keys after the
     * indexes, the order autogenerate keeps for MySQL).
     */
    @Override
    public List<Operation> inverse(Schema before) {
        SchemaBefore schema = new SchemaBefore(before, this);
        Table was = schema.table(table);
        Table after = was.withoutColumn(column);
        List<Operation> undo = new ArrayList<>();
        undo.add(new AddColumn(table, schema.column(table, column)));
        was.uniqueConstraints().stream()
                .filter(unique -> !after.uniqueConstraints().contains(unique))
                .forEach(unique -> undo.add(new CreateUniqueConstraint(table, unique)));
        was.indexes().stream()
                .filter(index -> !after.indexes().contains(index))
                .forEach(index -> undo.add(new CreateIndex(index)));
        was.foreignKeys().stream()
                .filter(key -> !after.foreignKeys().contains(key))
                .forEach(key -> undo.add(new CreateForeignKey(table, key)));
        return undo;
    }

    @Override
    public String describe() {
        return "drop_column " + table + "." + column;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropColumn(this);
    }
}
