package microblog.migrate.dialect;

import java.util.ArrayList;
import java.util.List;
import microblog.migrate.operations.RenameTable;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;
import microblog.migrate.schema.UniqueNames;

/**
 * The constraints a {@code rename_table} renames with its table: the foreign
 * keys and unique constraints named by the convention after the old name (its
 * own, and the keys of other tables that refer to it), as {@link Table#renamed}
 * and {@link Table#withReferencesRenamed} describe them. Renamed so that every
 * database calls them as SQLite does, which derives those names from the table
 * it reads: a later revision that drops one by name then finds it everywhere.
 */
record ConstraintRenames(List<RenamedForeignKey> foreignKeys, List<RenamedUnique> uniques) {
    /** A foreign key of {@code table} (the table's name after the rename) called otherwise. */
    record RenamedForeignKey(String table, ForeignKey before, ForeignKey after) {}

    /** A unique constraint of {@code table} called otherwise. */
    record RenamedUnique(String table, UniqueConstraint before, UniqueConstraint after) {}

    static ConstraintRenames of(RenameTable op, TableLookup tables) {
        List<RenamedForeignKey> foreignKeys = new ArrayList<>();
        List<RenamedUnique> uniques = new ArrayList<>();
        tables.table(op.from()).ifPresent(before -> {
            Table after = before.renamed(op.to()).withReferencesRenamed(op.from(), op.to());
            addRenamedKeys(op.to(), before, after, foreignKeys);
            for (int i = 0; i < before.uniqueConstraints().size(); i++) {
                UniqueConstraint was = before.uniqueConstraints().get(i);
                UniqueConstraint is = after.uniqueConstraints().get(i);
                if (!was.name().equals(is.name())) {
                    uniques.add(new RenamedUnique(op.to(), was, is));
                }
            }
            // MySQL reads a unique constraint as a unique index: one named by the convention is one.
            before.indexes().stream()
                    .filter(ix -> ix.unique() && ix.name().equals(UniqueNames.conventional(op.from(), ix.columns())))
                    .forEach(ix -> uniques.add(new RenamedUnique(
                            op.to(),
                            new UniqueConstraint(ix.name(), ix.columns()),
                            new UniqueConstraint(UniqueNames.conventional(op.to(), ix.columns()), ix.columns()))));
        });
        for (Table referring : tables.referringTo(op.from())) {
            if (!referring.name().equals(op.from())) {
                addRenamedKeys(
                        referring.name(), referring, referring.withReferencesRenamed(op.from(), op.to()), foreignKeys);
            }
        }
        return new ConstraintRenames(foreignKeys, uniques);
    }

    private static void addRenamedKeys(String table, Table before, Table after, List<RenamedForeignKey> renamed) {
        for (int i = 0; i < before.foreignKeys().size(); i++) {
            ForeignKey was = before.foreignKeys().get(i);
            ForeignKey is = after.foreignKeys().get(i);
            if (!was.name().equals(is.name())) {
                renamed.add(new RenamedForeignKey(table, was, is));
            }
        }
    }
}
