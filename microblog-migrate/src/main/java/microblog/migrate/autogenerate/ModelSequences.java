package microblog.migrate.autogenerate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import microblog.db.url.DatabaseKind;
import microblog.migrate.MigrationException;
import microblog.migrate.schema.Identifiers;
import microblog.migrate.schema.Sequence;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.generator.Generator;
import org.hibernate.id.enhanced.DatabaseStructure;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.mapping.GeneratorSettings;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.RootClass;

/**
 * The sequences the models' ids take their values from, as Hibernate's own generators say: a
 * {@code SEQUENCE} strategy, or a plain {@code @GeneratedValue} on a numeric id, which Hibernate 7
 * maps to a sequence {@code <table>_seq} with an allocation size of 50. Where the dialect has no
 * sequences (SQLite), Hibernate emulates each with a one-row table, which its metadata lists
 * among the tables: those become sequences here.
 *
 * @param sequences each with the key it numbers (the first entity's, where several share one)
 * @param emulatingTables the tables Hibernate lists that stand in for sequences
 * @param numberedKeys the id column of each table whose ids come from a sequence
 */
record ModelSequences(List<Sequence> sequences, Set<String> emulatingTables, Map<String, String> numberedKeys) {

    static ModelSequences read(Metadata metadata, DatabaseKind kind) {
        Database database = metadata.getDatabase();
        Map<String, Sequence> byName = new LinkedHashMap<>();
        for (Namespace namespace : database.getNamespaces()) {
            for (org.hibernate.boot.model.relational.Sequence declared : namespace.getSequences()) {
                String name = ModelSchemaReader.name(declared.getName().getSequenceName(), kind);
                byName.put(name, Sequence.of(name, declared.getInitialValue(), declared.getIncrementSize()));
            }
        }
        Set<String> emulating = new HashSet<>();
        Map<String, String> numbered = new HashMap<>();
        GeneratorSettings settings = settings(database);
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (!(entity instanceof RootClass root)
                    || root.getIdentifierProperty() == null
                    || root.getIdentifier().getColumns().size() != 1) {
                continue; // a subclass shares its root's id; a composite id has no generator
            }
            if (!(generator(root, database, settings) instanceof SequenceStyleGenerator generator)) {
                continue;
            }
            DatabaseStructure structure = generator.getDatabaseStructure();
            String name = ModelSchemaReader.name(structure.getPhysicalName().getObjectName(), kind);
            String table = ModelSchemaReader.name(root.getTable().getNameIdentifier(), kind);
            String column =
                    ModelSchemaReader.name(root.getIdentifier().getColumns().get(0), kind);
            Sequence sequence = byName.getOrDefault(
                    name, Sequence.of(name, structure.getInitialValue(), structure.getIncrementSize()));
            byName.put(name, sequence.numbersAColumn() ? sequence : sequence.numbering(table, column));
            if (!structure.isPhysicalSequence()) {
                emulating.add(name);
            }
            numbered.put(table, column);
        }
        byName.keySet().forEach(ModelSequences::requireNameThatFits);
        return new ModelSequences(List.copyOf(byName.values()), Set.copyOf(emulating), Map.copyOf(numbered));
    }

    /** As for tables: PostgreSQL would cut a longer name and MySQL refuse it. */
    private static void requireNameThatFits(String name) {
        if (!Identifiers.fits(name)) {
            throw new MigrationException("the models name the sequence '" + name + "', longer than "
                    + Identifiers.MAX_BYTES + " bytes, which PostgreSQL would cut and MySQL refuse; give it a "
                    + "shorter name (@SequenceGenerator(sequenceName = ...), or a shorter table name)");
        }
    }

    /** A generator of the entity's ids, made as the session factory makes it, but only to be asked. */
    private static Generator generator(RootClass root, Database database, GeneratorSettings settings) {
        try {
            return root.getIdentifier()
                    .createGenerator(database.getDialect(), root, root.getIdentifierProperty(), settings);
        } catch (RuntimeException e) {
            throw new MigrationException(
                    "cannot work out how " + root.getEntityName() + " generates its ids: " + e.getMessage(), e);
        }
    }

    private static GeneratorSettings settings(Database database) {
        SqlStringGenerationContext context =
                SqlStringGenerationContextImpl.fromExplicit(database.getJdbcEnvironment(), database, null, null);
        return new GeneratorSettings() {
            @Override
            public String getDefaultCatalog() {
                return null;
            }

            @Override
            public String getDefaultSchema() {
                return null;
            }

            @Override
            public SqlStringGenerationContext getSqlStringGenerationContext() {
                return context;
            }
        };
    }
}
