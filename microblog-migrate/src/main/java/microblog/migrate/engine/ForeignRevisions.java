package microblog.migrate.engine;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import microblog.migrate.MigrationException;
import microblog.migrate.Migrations;
import microblog.migrate.TargetDatabase;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.runtime.SchemaSimulator;
import microblog.migrate.schema.ForeignKey;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Table;
import microblog.migrate.script.RevisionGraph;
import microblog.migrate.script.ScriptDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database whose version table names revisions no file here defines was migrated by another
 * project's revisions (the Python microblog's, say). Stamping it claims its schema is what our
 * revisions describe, so it is adopted only when that is so: otherwise the next upgrade or
 * downgrade would act on tables, columns or constraints that are not what it expects.
 */
public final class ForeignRevisions {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private ForeignRevisions() {}

    /**
     * Refuses, listing every difference, unless the live schema is what {@code target} describes:
     * a stamp records where the schema stands, so a stamp that does not say so would make the next
     * upgrade fail half-way, or skip a change. A stamp to base claims no schema.
     */
    public static void requireSchemaOf(
            Set<String> target,
            Connection connection,
            ScriptDirectory scripts,
            RevisionGraph graph,
            Set<String> recorded,
            TargetDatabase database) {
        if (target.isEmpty()) {
            return;
        }
        List<String> foreign =
                recorded.stream().filter(id -> graph.get(id) == null).sorted().toList();
        MigrationDialect ddl = MigrationDialect.forKind(database.kind());
        Schema live = DescribedSchema.live(connection, scripts, database);
        SchemaSimulator described = DescribedSchema.at(graph, target);
        List<String> differences = DescribedSchema.differences(described, live, ddl);
        if (!differences.isEmpty()) {
            String at = foreign.isEmpty()
                    ? "the database's schema"
                    : "the database is at " + String.join(", ", foreign) + ", which no revision file here defines, "
                            + "and its schema";
            throw new MigrationException(at + " is not what " + String.join(", ", target)
                    + " describes (as autogenerate would see the revisions against it: "
                    + String.join("; ", differences)
                    + "); nothing was stamped. Bring the schema in line (by hand, or with 'db upgrade' or "
                    + "'db downgrade', which run the revisions), or stamp with --purge to record the revision "
                    + "regardless");
        }
        if (!foreign.isEmpty()) {
            log.info(
                    "Adopting the database: it is at {}, and its schema is what {} describes",
                    String.join(", ", foreign),
                    String.join(", ", target));
        }
        if (MigrationDialect.forKind(database.kind()).catalog().keepsForeignKeyNames()) {
            warnOfOtherNames(described.knownSchema(), live);
        }
    }

    /** Constraint names are not part of the schema's meaning, but a revision that drops one names it. */
    private static void warnOfOtherNames(Schema described, Schema live) {
        for (Table table : described.tables()) {
            Table liveTable = live.table(table.name()).orElseThrow();
            for (ForeignKey fk : table.foreignKeys()) {
                liveTable.foreignKeys().stream()
                        .filter(fk::sameLink)
                        .filter(other -> !other.name().equals(fk.name()))
                        .forEach(other -> log.warn(
                                "The foreign key {}({}) is named '{}' in the database and '{}' in "
                                        + "the revisions: a revision written by hand that drops or changes it must use '{}'",
                                table.name(),
                                String.join(", ", fk.columns()),
                                other.name(),
                                fk.name(),
                                other.name()));
            }
        }
    }
}
