package microblog.migrate.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import microblog.migrate.MigrationException;
import microblog.migrate.Migrations;
import microblog.migrate.TargetDatabase;
import microblog.migrate.autogenerate.Changes;
import microblog.migrate.autogenerate.ComparisonRules;
import microblog.migrate.autogenerate.ModelSchemaReader;
import microblog.migrate.autogenerate.SchemaComparator;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.runtime.SchemaSimulator;
import microblog.migrate.runtime.VersionTable;
import microblog.migrate.schema.Index;
import microblog.migrate.schema.LiveSchemaReader;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.Table;
import microblog.migrate.schema.UniqueConstraint;
import microblog.migrate.script.RevisionGraph;
import microblog.migrate.script.ScriptDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code migrate} and {@code check} share: the models compared with a
 * database that stands at the repository's heads, read without writing.
 */
public final class ModelComparison {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private final TargetDatabase database;
    private final ScriptDirectory scripts;
    private final VersionTable versions;
    private final RevisionGraph graph;
    private final TableExclusions exclusions;

    public ModelComparison(
            TargetDatabase database,
            ScriptDirectory scripts,
            VersionTable versions,
            RevisionGraph graph,
            TableExclusions exclusions) {
        this.database = database;
        this.scripts = scripts;
        this.versions = versions;
        this.graph = graph;
        this.exclusions = exclusions;
    }

    /** The changes that bring a database standing at {@code expected} to the models. */
    public Changes compare(Collection<Class<?>> entityClasses, Set<String> expected) {
        Schema live;
        Set<String> current;
        try (Connection connection = MigrationConnections.openReadOnly(database).orElse(null)) {
            if (connection != null) {
                HalfAppliedRevisions.refuseToGoOn(connection, scripts, database);
                EditedRevisions.refuse(connection, scripts, graph, database);
            }
            current = connection == null ? Set.of() : versions.heads(connection);
            live = connection == null
                    ? Schema.empty()
                    : new LiveSchemaReader(
                                    connection,
                                    MigrationDialect.forKind(database.kind()).catalog(),
                                    versions.bookkeepingTables())
                            .read();
        } catch (SQLException e) {
            throw new MigrationException("cannot read the database: " + e.getMessage(), e);
        }
        if (!current.equals(expected)) {
            boolean atHeads = expected.equals(new LinkedHashSet<>(graph.heads()));
            throw new MigrationException("Target database is not up to date: it is at " + describe(current)
                    + (atHeads ? ", the repository at " : ", the new revision builds on ") + describe(expected)
                    + "; run 'db upgrade"
                    + (atHeads && expected.size() > 1 ? " heads" : atHeads ? "" : " " + String.join(" ", expected))
                    + "' first");
        }
        ModelSchemaReader.ModelSchema models = ModelSchemaReader.readWithRenames(entityClasses, database.kind());
        Schema wanted = exclusions.applyToModels(models.schema());
        SchemaSimulator revisions = DescribedSchema.at(graph, current); // replayed once, read twice below
        live = withoutForeignTables(exclusions.apply(live), wanted, revisions);
        MigrationDialect ddl = MigrationDialect.forKind(database.kind());
        live = withTypesAsWritten(live, revisions.knownSchema(), ddl);
        live = withUniquesAsWritten(live, revisions.knownSchema());
        live = withIndexesBeyondColumnsAsWritten(live, wanted, revisions.knownSchema(), ddl);
        live = withNumberingAsWritten(live, revisions.knownSchema());
        return SchemaComparator.compare(
                wanted, live, new ComparisonRules(models.renames(), ddl::storedType, ddl::makesIndex));
    }

    /**
     * The live schema with each column's type as the revisions wrote it, where this database
     * stores both alike. SQLite keeps {@code BigInteger} as INTEGER: a table dropped there would
     * otherwise come back from the downgrade as {@code Integer}, narrower on the other databases.
     */
    private static Schema withTypesAsWritten(Schema live, Schema written, MigrationDialect ddl) {
        List<Table> tables = new ArrayList<>();
        for (Table table : live.tables()) {
            tables.add(written.table(table.name())
                    .map(described -> table.withColumns(columns -> columns.stream()
                            .map(column -> described
                                    .column(column.name())
                                    .filter(asWritten ->
                                            ddl.storedType(asWritten).equals(ddl.storedType(column)))
                                    .map(asWritten -> column.withType(asWritten.type()))
                                    .orElse(column))
                            .toList()))
                    .orElse(table));
        }
        return live.withTables(tables);
    }

    /**
     * The live sequences with the keys they number as the revisions wrote them (no database
     * keeps that): a sequence the downgrade creates again then starts above its table's keys.
     */
    private static Schema withNumberingAsWritten(Schema live, Schema written) {
        return live.withSequences(live.sequences().stream()
                .map(sequence -> written.sequence(sequence.name())
                        .filter(Sequence::numbersAColumn)
                        .map(asWritten -> sequence.numbering(asWritten.table(), asWritten.column()))
                        .orElse(sequence))
                .toList());
    }

    /**
     * The live schema with each unique index that the revisions wrote as a
     * unique constraint (same name, same columns) read as one. MySQL keeps both
     * as unique indexes: its removal would otherwise be written as a
     * {@code drop_index}, which PostgreSQL and SQLite cannot run on a constraint.
     */
    private static Schema withUniquesAsWritten(Schema live, Schema written) {
        List<Table> tables = new ArrayList<>();
        for (Table table : live.tables()) {
            List<UniqueConstraint> constraints =
                    written.table(table.name()).map(Table::uniqueConstraints).orElse(List.of());
            List<Index> asConstraints = table.indexes().stream()
                    .filter(ix -> ix.unique() && constraints.contains(new UniqueConstraint(ix.name(), ix.columns())))
                    .toList();
            tables.add(table.withIndexes(ixs -> ixs.stream()
                            .filter(ix -> !asConstraints.contains(ix))
                            .toList())
                    .withUniqueConstraints(us -> {
                        asConstraints.forEach(ix -> us.add(new UniqueConstraint(ix.name(), ix.columns())));
                        return us;
                    }));
        }
        return live.withTables(tables);
    }

    /**
     * The live schema's expression and partial indexes as the comparison
     * needs them. One that no model declares and no revision created (made by
     * an {@code execute}, or by hand) is left alone, as a table no model maps
     * is. Where the database cannot make them (MySQL, H2), those the revisions
     * created count as there, so that autogenerate writes each once, for the
     * databases that can.
     */
    private static Schema withIndexesBeyondColumnsAsWritten(
            Schema live, Schema models, Schema written, MigrationDialect ddl) {
        List<Table> tables = new ArrayList<>();
        for (Table table : live.tables()) {
            List<Index> declared =
                    models.table(table.name()).map(Table::indexes).orElse(List.of());
            List<Index> created =
                    written.table(table.name()).map(Table::indexes).orElse(List.of());
            Table kept = table.withIndexes(ixs -> ixs.stream()
                    .filter(ix -> ix.isPlain() || named(declared, ix.name()) || named(created, ix.name()) || skip(ix))
                    .toList());
            if (!ddl.makesExpressionAndPartialIndexes()) {
                kept = kept.withIndexes(ixs -> {
                    created.stream().filter(ix -> !ix.isPlain()).forEach(ixs::add);
                    return ixs;
                });
            }
            tables.add(kept);
        }
        return live.withTables(tables);
    }

    private static boolean named(List<Index> indexes, String name) {
        return indexes.stream().anyMatch(ix -> ix.name().equals(name));
    }

    private static boolean skip(Index index) {
        log.info(
                "Skipping index '{}' on '{}': no model declares it and no revision created it (declare it with "
                        + "@SqlIndex to have revisions keep it)",
                index.name(),
                index.table());
        return false;
    }

    /**
     * The live schema without the tables and sequences that no model maps and
     * no revision created (another application's, or made by hand):
     * autogenerate never proposes to drop those.
     */
    private static Schema withoutForeignTables(Schema live, Schema models, SchemaSimulator revisions) {
        List<Table> kept = new ArrayList<>();
        for (Table table : live.tables()) {
            if (models.table(table.name()).isPresent() || revisions.created(table.name())) {
                kept.add(table);
            } else {
                log.info("Skipping table '{}': no model maps it and no revision created it", table.name());
            }
        }
        List<Sequence> keptSequences = new ArrayList<>();
        for (Sequence sequence : live.sequences()) {
            if (models.sequence(sequence.name()).isPresent() || revisions.createdSequence(sequence.name())) {
                keptSequences.add(sequence);
            } else {
                log.info("Skipping sequence '{}': no model uses it and no revision created it", sequence.name());
            }
        }
        return new Schema(kept, keptSequences);
    }

    private static String describe(Set<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
