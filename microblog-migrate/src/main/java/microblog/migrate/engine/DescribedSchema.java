package microblog.migrate.engine;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import microblog.db.url.DatabaseKind;
import microblog.migrate.TargetDatabase;
import microblog.migrate.autogenerate.ComparisonRules;
import microblog.migrate.autogenerate.Renames;
import microblog.migrate.autogenerate.SchemaComparator;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.runtime.SchemaSimulator;
import microblog.migrate.runtime.VersionTable;
import microblog.migrate.schema.LiveSchemaReader;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.Table;
import microblog.migrate.script.RevisionGraph;
import microblog.migrate.script.ScriptDirectory;

/** The schema the revisions describe at some point of the graph, and how a live schema differs from it. */
public final class DescribedSchema {
    private DescribedSchema() {}

    /** The schema at {@code heads}, replayed from base. */
    public static SchemaSimulator at(RevisionGraph graph, Set<String> heads) {
        SchemaSimulator simulator = new SchemaSimulator();
        graph.upgradePath(Set.of(), graph.ancestry(heads))
                .forEach(r -> r.upgrade().forEach(simulator::apply));
        return simulator;
    }

    /** The schema of the database on {@code connection}, as the commands compare it: without bookkeeping or excluded tables. */
    public static Schema live(Connection connection, ScriptDirectory scripts, TargetDatabase database) {
        return live(connection, scripts.versionTable(), scripts.excludedTables(), database.kind());
    }

    /** The same, for a version table named {@code versionTable} and the tables {@code excluded} (names or patterns). */
    public static Schema live(Connection connection, String versionTable, List<String> excluded, DatabaseKind kind) {
        return new TableExclusions(excluded)
                .apply(new LiveSchemaReader(
                                connection,
                                MigrationDialect.forKind(kind).catalog(),
                                new VersionTable(versionTable, MigrationDialect.forKind(kind)).bookkeepingTables())
                        .read());
    }

    /**
     * What {@code live} has that {@code described} does not, or the other way round, one finding per
     * difference. Tables the revisions cannot know (made by hand-written SQL) are left out.
     */
    public static List<String> differences(SchemaSimulator described, Schema live, MigrationDialect ddl) {
        List<Table> comparable = new ArrayList<>();
        for (Table table : live.tables()) {
            boolean known = described.knownSchema().table(table.name()).isPresent();
            if (known || !described.changedByHand(table.name()) && !described.mayMissTables()) {
                comparable.add(table);
            }
        }
        List<Sequence> comparableSequences = live.sequences().stream()
                .filter(s -> described.createdSequence(s.name()) || !described.mayMissTables())
                .toList();
        return SchemaComparator.compare(
                        withoutIndexesItCannotMake(described.knownSchema(), ddl),
                        new Schema(comparable, comparableSequences),
                        new ComparisonRules(Renames.NONE, ddl::storedType))
                .findings();
    }

    /**
     * {@code schema} without the indexes {@code ddl}'s database cannot make
     * (expression and partial indexes on MySQL and H2), whose create_index
     * does nothing there: what the revisions describe for that database.
     */
    public static Schema withoutIndexesItCannotMake(Schema schema, MigrationDialect ddl) {
        return schema.withTables(schema.tables().stream()
                .map(t -> t.withIndexes(
                        ixs -> ixs.stream().filter(ddl::makesIndex).toList()))
                .toList());
    }
}
