package microblog.migrate.engine;

import java.sql.Connection;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import microblog.migrate.DataLossException;
import microblog.migrate.MigrationException;
import microblog.migrate.RevisionFailedException;
import microblog.migrate.RevisionTestListener;
import microblog.migrate.autogenerate.Changes;
import microblog.migrate.autogenerate.ComparisonRules;
import microblog.migrate.autogenerate.ModelSchemaReader;
import microblog.migrate.autogenerate.Renames;
import microblog.migrate.autogenerate.SchemaComparator;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.runtime.DataLossPolicy;
import microblog.migrate.runtime.MigrationRunner;
import microblog.migrate.runtime.SchemaSimulator;
import microblog.migrate.runtime.VersionTable;
import microblog.migrate.schema.LiveSchemaReader;
import microblog.migrate.schema.Schema;
import microblog.migrate.script.Revision;
import microblog.migrate.script.RevisionGraph;

/**
 * Tries every revision on a scratch database: up, down and up again, oldest
 * first. After each step the live schema must be what the revisions describe,
 * and at the end what the models describe; the first difference stops the
 * test, naming the revision, the step and what differs. After each upgrade,
 * every table gets a few sample rows more ({@link SampleRows}), so that the
 * downgrade and the later revisions run on rows, as they do in production:
 * losses are accepted (the database is a scratch one), but a step that cannot
 * run on the rows stops the test too.
 */
public final class RevisionTester {
    private final Connection connection;
    private final MigrationDialect ddl;
    private final VersionTable versions;
    private final TableExclusions exclusions;

    public RevisionTester(
            Connection connection, MigrationDialect ddl, VersionTable versions, TableExclusions exclusions) {
        this.connection = connection;
        this.ddl = ddl;
        this.versions = versions;
        this.exclusions = exclusions;
    }

    /**
     * Tries every revision of {@code graph}, telling {@code listener} of each that passes; returns
     * whether the schema at head was compared with {@code models} (none given: not compared).
     */
    public boolean test(RevisionGraph graph, Collection<Class<?>> models, RevisionTestListener listener) {
        MigrationRunner runner = MigrationRunner.online(connection, ddl, versions, DataLossPolicy.ACCEPT, null);
        SampleRows rows = new SampleRows(connection, ddl, versions.bookkeepingTables());
        SchemaSimulator expected = new SchemaSimulator();
        Set<String> heads = new LinkedHashSet<>();
        for (Revision revision : graph.topologicalOrder()) {
            SchemaSimulator before = DescribedSchema.at(graph, heads);
            Set<String> from = heads;
            Set<String> after = onRows(() -> runner.upgrade(graph, from, List.of(revision)));
            revision.upgrade().forEach(expected::apply);
            requireSchema(expected, revision, "upgrade");
            rows.addToEveryTable();
            onRows(() -> runner.downgrade(graph, after, List.of(revision)));
            requireSchema(before, revision, "downgrade");
            heads = onRows(() -> runner.upgrade(graph, from, List.of(revision)));
            requireSchema(expected, revision, "upgrade again");
            rows.addToEveryTable(); // rows in the tables made again, for the next revision to meet
            listener.passed(revision);
        }
        if (models.isEmpty()) {
            return false;
        }
        Schema wanted = DescribedSchema.withoutIndexesItCannotMake(
                exclusions.applyToModels(ModelSchemaReader.read(models, ddl.kind())), ddl);
        Changes left = SchemaComparator.compare(
                wanted, exclusions.apply(live()), new ComparisonRules(Renames.NONE, ddl::storedType));
        if (!left.isEmpty()) {
            throw new MigrationException("at head the schema differs from the models ("
                    + String.join("; ", left.findings()) + "): run 'db migrate' to write the missing revision");
        }
        return true;
    }

    /**
     * Runs a step; one that cannot run on the sample rows (refused by the
     * engine, or failed by the database) fails with the engine's one-line
     * reason, which names the revision and the step, and says why rows were there.
     */
    private static <T> T onRows(Supplier<T> step) {
        try {
            return step.get();
        } catch (DataLossException | RevisionFailedException e) {
            throw new MigrationException(
                    e.getMessage() + " (db test had put " + SampleRows.ROWS
                            + " sample rows in every table after each upgrade, "
                            + "as a database in production holds rows)",
                    e);
        }
    }

    private void requireSchema(SchemaSimulator expected, Revision revision, String step) {
        List<String> differences = DescribedSchema.differences(expected, live(), ddl);
        if (!differences.isEmpty()) {
            throw new MigrationException("after the " + step + " of revision " + revision.id() + " ("
                    + revision.message() + "), the database differs from what the revisions describe: "
                    + String.join("; ", differences));
        }
    }

    private Schema live() {
        return new LiveSchemaReader(connection, ddl.catalog(), versions.bookkeepingTables()).read();
    }
}
