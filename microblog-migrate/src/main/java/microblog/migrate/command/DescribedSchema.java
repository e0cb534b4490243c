package microblog.migrate.command;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import microblog.migrate.autogenerate.ComparisonRules;
import microblog.migrate.autogenerate.Renames;
import microblog.migrate.autogenerate.SchemaComparator;
import microblog.db.url.DatabaseUrl;
import microblog.migrate.ddl.DdlRenderer;
import microblog.migrate.runtime.SchemaSimulator;
import microblog.migrate.runtime.VersionTable;
import microblog.migrate.schema.LiveSchemaReader;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;
import microblog.migrate.script.RevisionGraph;
import microblog.migrate.script.ScriptDirectory;

/** The schema the revisions describe at some point of the graph, and how a live schema differs from it. */
final class DescribedSchema {
    private DescribedSchema() {
    }

    /** The schema at {@code heads}, replayed from base. */
    static SchemaSimulator at(RevisionGraph graph, Set<String> heads) {
        SchemaSimulator simulator = new SchemaSimulator();
        graph.upgradePath(Set.of(), graph.ancestry(heads)).forEach(r -> r.upgrade().forEach(simulator::apply));
        return simulator;
    }

    /** The schema of the database on {@code connection}, as the commands compare it: without bookkeeping or excluded tables. */
    static Schema live(Connection connection, ScriptDirectory scripts, DatabaseUrl url) {
        DdlRenderer ddl = DdlRenderer.forKind(url.kind());
        return new TableExclusions(scripts.excludedTables()).apply(new LiveSchemaReader(connection, url.kind(),
                new VersionTable(scripts.versionTable(), ddl).bookkeepingTables()).read());
    }

    /**
     * What {@code live} has that {@code described} does not, or the other way round, one finding per
     * difference. Tables the revisions cannot know (made by hand-written SQL) are left out.
     */
    static List<String> differences(SchemaSimulator described, Schema live, DdlRenderer ddl) {
        List<Table> comparable = new ArrayList<>();
        for (Table table : live.tables()) {
            boolean known = described.knownSchema().table(table.name()).isPresent();
            if (known || !described.changedByHand(table.name()) && !described.mayMissTables()) {
                comparable.add(table);
            }
        }
        return SchemaComparator.compare(described.knownSchema(), new Schema(comparable),
                new ComparisonRules(Renames.NONE, ddl::storedType)).findings();
    }
}
