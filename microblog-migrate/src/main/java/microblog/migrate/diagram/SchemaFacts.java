package microblog.migrate.diagram;

import java.util.ArrayList;
import java.util.List;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;

/** What a diagram shows of a table beyond its columns: keys, and how a foreign key reads as a relation. */
final class SchemaFacts {
    private SchemaFacts() {}

    /** The keys a column takes part in: {@code PK}, {@code FK}, {@code UK}, in that order. */
    static List<String> keys(Table table, Column column) {
        List<String> keys = new ArrayList<>();
        if (column.primaryKey()) {
            keys.add("PK");
        }
        if (table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(column.name()))) {
            keys.add("FK");
        }
        if (!column.primaryKey() && isUnique(table, List.of(column.name()))) {
            keys.add("UK");
        }
        return keys;
    }

    /** Whether the columns, together, hold each value once: a one-to-one relation when a foreign key's. */
    static boolean isUnique(Table table, List<String> columns) {
        return table.primaryKey().equals(columns)
                || table.uniqueConstraints().stream()
                        .map(UniqueConstraint::columns)
                        .anyMatch(columns::equals)
                || table.indexes().stream()
                        .filter(Index::unique)
                        .map(Index::columns)
                        .anyMatch(columns::equals);
    }

    /** Whether a row may have no referred row: any of the foreign key's columns is nullable. */
    static boolean isOptional(Table table, ForeignKey fk) {
        return fk.columns().stream().map(table::column).anyMatch(c -> c.map(Column::nullable)
                .orElse(true));
    }
}
