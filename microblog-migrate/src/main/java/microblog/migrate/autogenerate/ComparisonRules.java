package microblog.migrate.autogenerate;

import java.util.function.Function;
import java.util.function.Predicate;
import microblog.migrate.schema.Column;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.Index;

/**
 * What a comparison needs to know beyond the two schemas: the renames the
 * models declare, and the type a column is stored as on the database at hand
 * (SQLite stores a Uuid as CHAR(32), which reads back as String(32)), so that
 * types are compared as stored and a database's own spelling is never drift;
 * and which indexes it can make (see {@link Index#isPlain}), to warn of those it cannot.
 */
public record ComparisonRules(Renames renames, Function<Column, ColumnType> storedType, Predicate<Index> makesIndex) {
    public static final ComparisonRules EXACT = new ComparisonRules(Renames.NONE, Column::type);

    /** Rules for a database that makes every index. */
    public ComparisonRules(Renames renames, Function<Column, ColumnType> storedType) {
        this(renames, storedType, index -> true);
    }
}
