package microblog.migrate.operations;

import java.util.List;
import java.util.function.Function;
import microblog.migrate.MigrationException;
import microblog.migrate.schema.CheckConstraint;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;

/**
 * The schema as it stood before {@code operation}, asked for what the operation
 * removes so that its inverse can put it back. What is not there is named: an
 * inverse made up without it would undo something else.
 */
record SchemaBefore(Schema schema, Operation operation) {
    Table table(String name) {
        return schema.table(name).orElseThrow(() -> missing("table '" + name + "'"));
    }

    Column column(String table, String name) {
        return table(table).column(name).orElseThrow(() -> missing("column '" + table + "." + name + "'"));
    }

    Index index(String table, String name) {
        return named(table(table).indexes(), Index::name, name, "index");
    }

    ForeignKey foreignKey(String table, String name) {
        return named(table(table).foreignKeys(), ForeignKey::name, name, "foreign key");
    }

    UniqueConstraint uniqueConstraint(String table, String name) {
        return named(table(table).uniqueConstraints(), UniqueConstraint::name, name, "unique constraint");
    }

    CheckConstraint checkConstraint(String table, String name) {
        return named(table(table).checkConstraints(), CheckConstraint::name, name, "check constraint");
    }

    Sequence sequence(String name) {
        return schema.sequence(name).orElseThrow(() -> missing("sequence '" + name + "'"));
    }

    private <T> T named(List<T> items, Function<T, String> nameOf, String name, String kind) {
        return items.stream()
                .filter(item -> nameOf.apply(item).equals(name))
                .findFirst()
                .orElseThrow(() -> missing(kind + " '" + name + "'"));
    }

    private MigrationException missing(String what) {
        return new MigrationException(
                "cannot work out the inverse of " + operation.describe() + ": the schema before it has no " + what);
    }
}
