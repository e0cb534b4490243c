package microblog.migrate.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import microblog.migrate.autogenerate.ComparisonRules;
import microblog.migrate.autogenerate.Renames;
import microblog.migrate.autogenerate.SchemaComparator;
import microblog.migrate.ddl.DdlRenderer;
import microblog.migrate.runtime.SchemaSimulator;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;
import microblog.migrate.script.RevisionGraph;

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
