package microblog.migrate.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import microblog.migrate.MigrationException;
import microblog.migrate.dialect.TableLookup;
import microblog.migrate.operations.AddColumn;
import microblog.migrate.operations.AlterColumn;
import microblog.migrate.operations.AlterSequence;
import microblog.migrate.operations.CreateCheckConstraint;
import microblog.migrate.operations.CreateForeignKey;
import microblog.migrate.operations.CreateIndex;
import microblog.migrate.operations.CreateSequence;
import microblog.migrate.operations.CreateTable;
import microblog.migrate.operations.CreateUniqueConstraint;
import microblog.migrate.operations.DropCheckConstraint;
import microblog.migrate.operations.DropColumn;
import microblog.migrate.operations.DropForeignKey;
import microblog.migrate.operations.DropIndex;
import microblog.migrate.operations.DropSequence;
import microblog.migrate.operations.DropTable;
import microblog.migrate.operations.DropUniqueConstraint;
import microblog.migrate.operations.ExecuteSql;
import microblog.migrate.operations.Operation;
import microblog.migrate.operations.OperationVisitor;
import microblog.migrate.operations.RenameColumn;
import microblog.migrate.operations.RenameIndex;
import microblog.migrate.operations.RenameTable;
import microblog.migrate.schema.Schema;
import microblog.migrate.schema.Sequence;
import microblog.migrate.schema.Table;

/**
 * Keeps a schema in memory and applies operations to it. When SQL is written
 * offline there is no database to ask what a table looks like; this answers
 * instead, from the revisions replayed so far.
 *
 * <p>What hand-written DDL ({@code execute} with CREATE, ALTER, DROP or RENAME)
 * does is unknown, so a table it names is no longer known: asking for it fails
 * rather than answer with a shape that may be stale (a SQLite rebuild from it
 * would copy the wrong columns). Data-only SQL changes no shape.
 */
public final class SchemaSimulator implements TableLookup {
    private static final Pattern DDL = Pattern.compile("\\b(create|alter|drop|rename)\\b", Pattern.CASE_INSENSITIVE);

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Sequence> sequences = new LinkedHashMap<>();
    private final Set<String> changedByHand = new HashSet<>();
    private boolean unknownDdl;

    /** A simulation from an empty schema, as revisions are replayed from base. */
    public SchemaSimulator() {}

    /** A simulation from {@code start}, as a revision about to run on it sees it. */
    public static SchemaSimulator startingFrom(Schema start) {
        SchemaSimulator simulator = new SchemaSimulator();
        start.tables().forEach(table -> simulator.tables.put(table.name(), table));
        start.sequences().forEach(sequence -> simulator.sequences.put(sequence.name(), sequence));
        return simulator;
    }

    @Override
    public Optional<Table> table(String name) {
        if (changedByHand.contains(name) || unknownDdl && !tables.containsKey(name)) {
            throw new MigrationException("cannot write offline SQL that changes table '" + name + "' on SQLite: "
                    + "an earlier 'execute' operation may have changed it, and offline mode cannot see how; "
                    + "run this upgrade online, or do that change by hand with 'execute' too");
        }
        return Optional.ofNullable(tables.get(name));
    }

    @Override
    public List<Table> referringTo(String table) {
        return tables.values().stream()
                .filter(t -> t.foreignKeys().stream()
                        .anyMatch(fk -> fk.referredTable().equals(table)))
                .toList();
    }

    @Override
    public Optional<Sequence> sequence(String name) {
        return Optional.ofNullable(sequences.get(name));
    }

    /** The tables as the operations so far describe them, leaving out those hand-written DDL touched. */
    public Schema knownSchema() {
        return new Schema(
                tables.values().stream()
                        .filter(t -> !changedByHand.contains(t.name()))
                        .toList(),
                List.copyOf(sequences.values()));
    }

    /** Whether the operations so far created {@code table} (whether or not its shape is still known). */
    public boolean created(String table) {
        return tables.containsKey(table);
    }

    /** Whether the operations so far created the sequence {@code name}. */
    public boolean createdSequence(String name) {
        return sequences.containsKey(name);
    }

    /** Whether hand-written DDL may have made tables this simulation does not know of. */
    public boolean mayMissTables() {
        return unknownDdl;
    }

    /** Whether {@code table} was named by hand-written DDL, so its shape here may be stale. */
    public boolean changedByHand(String table) {
        return changedByHand.contains(table);
    }

    public void apply(Operation operation) {
        operation.accept(new Applier());
    }

    /** Each operation's effect on the simulated schema. */
    private final class Applier implements OperationVisitor<Void> {
        @Override
        public Void createTable(CreateTable op) {
            tables.put(op.table().name(), op.table());
            changedByHand.remove(op.table().name());
            return null;
        }

        @Override
        public Void dropTable(DropTable op) {
            tables.remove(op.table());
            return null;
        }

        @Override
        public Void renameTable(RenameTable op) {
            Table table = tables.remove(op.from());
            if (table != null) {
                tables.put(op.to(), table.renamed(op.to()));
            }
            tables.replaceAll((name, t) -> t.withReferencesRenamed(op.from(), op.to()));
            sequences.replaceAll((name, s) -> op.from().equals(s.table()) ? s.numbering(op.to(), s.column()) : s);
            if (changedByHand.remove(op.from())) {
                changedByHand.add(op.to());
            }
            return null;
        }

        @Override
        public Void addColumn(AddColumn op) {
            return change(op.table(), t -> t.withColumns(cols -> add(cols, op.column())));
        }

        @Override
        public Void dropColumn(DropColumn op) {
            return change(op.table(), t -> t.withoutColumn(op.column()));
        }

        @Override
        public Void alterColumn(AlterColumn op) {
            return change(
                    op.table(),
                    t -> t.withColumn(
                            t.column(op.column()).map(op::against).orElse(op).to()));
        }

        @Override
        public Void renameColumn(RenameColumn op) {
            sequences.replaceAll((name, s) ->
                    op.table().equals(s.table()) && op.from().equals(s.column()) ? s.numbering(s.table(), op.to()) : s);
            return change(op.table(), t -> t.withRenamedColumn(op.from(), op.to()));
        }

        @Override
        public Void createIndex(CreateIndex op) {
            return change(op.index().table(), t -> t.withIndexes(ixs -> add(ixs, op.index())));
        }

        @Override
        public Void dropIndex(DropIndex op) {
            return change(
                    op.table(),
                    t -> t.withIndexes(ixs -> {
                        ixs.removeIf(ix -> ix.name().equals(op.name()));
                        return ixs;
                    }));
        }

        @Override
        public Void renameIndex(RenameIndex op) {
            return change(
                    op.table(),
                    t -> t.withIndexes(ixs -> ixs.stream()
                            .map(ix -> ix.name().equals(op.from()) ? ix.renamedTo(op.to()) : ix)
                            .toList()));
        }

        @Override
        public Void createForeignKey(CreateForeignKey op) {
            return change(op.table(), t -> t.withForeignKeys(fks -> add(fks, op.foreignKey())));
        }

        @Override
        public Void dropForeignKey(DropForeignKey op) {
            return change(
                    op.table(),
                    t -> t.withForeignKeys(fks -> {
                        fks.removeIf(fk -> fk.name().equals(op.name()));
                        return fks;
                    }));
        }

        @Override
        public Void createUniqueConstraint(CreateUniqueConstraint op) {
            return change(op.table(), t -> t.withUniqueConstraints(us -> add(us, op.constraint())));
        }

        @Override
        public Void dropUniqueConstraint(DropUniqueConstraint op) {
            return change(
                    op.table(),
                    t -> t.withUniqueConstraints(us -> {
                        us.removeIf(u -> u.name().equals(op.name()));
                        return us;
                    }));
        }

        @Override
        public Void createCheckConstraint(CreateCheckConstraint op) {
            return change(op.table(), t -> t.withCheckConstraints(checks -> add(checks, op.constraint())));
        }

        @Override
        public Void dropCheckConstraint(DropCheckConstraint op) {
            return change(
                    op.table(),
                    t -> t.withCheckConstraints(checks -> {
                        checks.removeIf(c -> c.name().equals(op.name()));
                        return checks;
                    }));
        }

        @Override
        public Void createSequence(CreateSequence op) {
            sequences.put(op.sequence().name(), op.sequence());
            return null;
        }

        @Override
        public Void dropSequence(DropSequence op) {
            sequences.remove(op.name());
            return null;
        }

        @Override
        public Void alterSequence(AlterSequence op) {
            sequences.computeIfPresent(op.name(), (name, sequence) -> sequence.withIncrement(op.toIncrement()));
            return null;
        }

        @Override
        public Void execute(ExecuteSql op) {
            List<String> texts = new ArrayList<>(op.perDatabase().values());
            texts.add(op.sql());
            for (String sql : texts) {
                if (!DDL.matcher(sql).find()) {
                    continue; // data only: the shapes stay as they were
                }
                unknownDdl = true;
                String lower = sql.toLowerCase(Locale.ROOT);
                // A table is named, or one of its indexes or constraints is (DROP INDEX names no table).
                tables.values().stream()
                        .filter(table -> namesOf(table).stream().anyMatch(name -> mentions(lower, name)))
                        .map(Table::name)
                        .forEach(changedByHand::add);
            }
            return null;
        }

        private static List<String> namesOf(Table table) {
            List<String> names = new ArrayList<>(List.of(table.name()));
            names.addAll(table.constraintAndIndexNames());
            return names;
        }

        private static boolean mentions(String lowerCaseSql, String name) {
            return Pattern.compile("\\b" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "\\b")
                    .matcher(lowerCaseSql)
                    .find();
        }

        private Void change(String name, UnaryOperator<Table> change) {
            Table table = tables.get(name);
            if (table != null) {
                tables.put(name, change.apply(table));
            }
            return null;
        }
    }

    private static <T> List<T> add(List<T> items, T item) {
        items.add(item);
        return items;
    }
}
