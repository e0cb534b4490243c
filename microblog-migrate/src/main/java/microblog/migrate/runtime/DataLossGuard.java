package microblog.migrate.runtime;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import microblog.migrate.MigrationException;
import microblog.migrate.dialect.MigrationDialect;
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
import microblog.migrate.operations.DataLossRisk;
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
import microblog.migrate.schema.AllowedValues;
import microblog.migrate.schema.CheckConstraint;
import microblog.migrate.schema.ColumnType;
import microblog.migrate.schema.GenericType;
import microblog.migrate.schema.Table;

/**
 * Looks at the rows an operation would destroy before it runs: the rows of a
 * dropped table, the values of a dropped column, the values a narrower type
 * cannot hold. Also at what no database can do to the rows there are: make a
 * column holding NULLs NOT NULL, or add a NOT NULL column with nothing to fill
 * it into a table that has rows (PostgreSQL and SQLite fail; MySQL would fill
 * in zeros). Only counts; never writes.
 */
final class DataLossGuard {
    /**
     * What an operation would do to the rows: a loss one may accept, or
     * something that cannot run.
     *
     * @param index the operation's position in the list checked
     */
    record Hazard(int index, String phrase, boolean acceptable) {
        Hazard at(int position) {
            return new Hazard(position, phrase, acceptable);
        }

        /** This hazard of {@code live}, saying what the revision calls the thing if its own renames changed it. */
        Hazard calledInRevision(Operation live, Operation inRevision, String name) {
            return live.equals(inRevision)
                    ? this
                    : new Hazard(index, phrase + " ('" + name + "' in the revision)", acceptable);
        }
    }

    private final Connection connection;
    private final MigrationDialect ddl;
    private final TableLookup tables;

    DataLossGuard(Connection connection, MigrationDialect ddl, TableLookup tables) {
        this.connection = connection;
        this.ddl = ddl;
        this.tables = tables;
    }

    /**
     * What each of {@code operations} would do to the rows of this database
     * now, checked before any of them runs. Names are followed through the
     * operations' own renames back to the live ones. The check stops at the
     * first {@code execute}: hand-written SQL may change the rows (filling the
     * NULLs of a column about to be made NOT NULL, say), so what follows it is
     * checked only once it has run.
     */
    List<Hazard> check(List<Operation> operations) {
        return check(operations, Set.of());
    }

    /**
     * The same over several revisions, which begin at {@code revisionStarts}: there the check goes
     * on past an earlier revision's hand-written SQL, counting the rows as they are now. For a
     * database whose schema changes commit at once, where a revision refused after earlier ones
     * ran could not take them back: a loss is named before anything runs, even if the earlier
     * SQL might have prevented it.
     */
    List<Hazard> check(List<Operation> operations, Set<Integer> revisionStarts) {
        RevisionWalk walk = new RevisionWalk();
        List<Hazard> hazards = new ArrayList<>();
        boolean pastHandWrittenSql = false;
        for (int i = 0; i < operations.size(); i++) {
            if (walk.reachedHandWrittenSql()) {
                if (!revisionStarts.contains(i)) {
                    continue;
                }
                walk.goOnPastHandWrittenSql();
                pastHandWrittenSql = true;
            }
            int index = i;
            boolean counterfactual = pastHandWrittenSql;
            operations
                    .get(i)
                    .accept(walk)
                    .ifPresent(hazard -> hazards.add(
                            counterfactual
                                    ? new Hazard(
                                            index,
                                            hazard.phrase()
                                                    + " (counted now: the hand-written SQL of a revision before it, which "
                                                    + "runs first, may change that)",
                                            hazard.acceptable())
                                    : hazard.at(index)));
        }
        return hazards;
    }

    /**
     * One pass over a list of operations, in order: each step that touches rows
     * is checked under the name its table and column have in the database now.
     * One method per kind of operation, so that a new kind does not compile
     * until it is decided what it can do to the rows.
     */
    private final class RevisionWalk implements OperationVisitor<Optional<Hazard>> {
        /** Table name in the revision -> live name. */
        private final Map<String, String> liveTables = new HashMap<>();
        /** Live table + "." + column name in the revision -> live column name. */
        private final Map<String, String> liveColumns = new HashMap<>();
        /** Tables this list creates: what a live table of the same name holds is not theirs. */
        private final Set<String> madeHere = new HashSet<>();

        private boolean handWrittenSql;

        boolean reachedHandWrittenSql() {
            return handWrittenSql;
        }

        /** A later revision's steps are checked all the same, against the rows as they are now. */
        void goOnPastHandWrittenSql() {
            handWrittenSql = false;
        }

        /** What follows may work on rows this SQL changed: the walk ends here. */
        @Override
        public Optional<Hazard> execute(ExecuteSql op) {
            handWrittenSql = true;
            return Optional.empty();
        }

        @Override
        public Optional<Hazard> createTable(CreateTable op) {
            madeHere.add(op.table().name());
            return Optional.empty();
        }

        @Override
        public Optional<Hazard> renameTable(RenameTable op) {
            liveTables.put(op.to(), liveTable(op.from()));
            return Optional.empty();
        }

        @Override
        public Optional<Hazard> renameColumn(RenameColumn op) {
            String table = liveTable(op.table());
            liveColumns.put(table + "." + op.to(), liveColumn(table, op.from()));
            return Optional.empty();
        }

        @Override
        public Optional<Hazard> addColumn(AddColumn op) {
            if (madeHere.contains(op.table())) {
                return Optional.empty();
            }
            AddColumn live = new AddColumn(liveTable(op.table()), op.column());
            return hazardOf(live)
                    .map(hazard -> hazard.calledInRevision(
                            live, op, op.table() + "." + op.column().name()));
        }

        @Override
        public Optional<Hazard> dropTable(DropTable op) {
            if (madeHere.contains(op.table())) {
                return Optional.empty();
            }
            DropTable live = new DropTable(liveTable(op.table()));
            return hazardOf(live).map(hazard -> hazard.calledInRevision(live, op, op.table()));
        }

        @Override
        public Optional<Hazard> dropColumn(DropColumn op) {
            if (madeHere.contains(op.table())) {
                return Optional.empty();
            }
            String table = liveTable(op.table());
            DropColumn live = new DropColumn(table, liveColumn(table, op.column()));
            return hazardOf(live).map(hazard -> hazard.calledInRevision(live, op, op.table() + "." + op.column()));
        }

        @Override
        public Optional<Hazard> alterColumn(AlterColumn op) {
            if (madeHere.contains(op.table())) {
                return Optional.empty();
            }
            String table = liveTable(op.table());
            String column = liveColumn(table, op.column());
            AlterColumn live =
                    new AlterColumn(table, op.from().renamed(column), op.to().renamed(column));
            if (DataLossRisk.of(live).isEmpty()) {
                return Optional.empty(); // every value still fits
            }
            return hazardOf(live).map(hazard -> hazard.calledInRevision(live, op, op.table() + "." + op.column()));
        }

        // ---- indexes and constraints change no rows (a new unique or check holds for every row or fails) ----

        @Override
        public Optional<Hazard> createIndex(CreateIndex op) {
            return Optional.empty();
        }

        @Override
        public Optional<Hazard> dropIndex(DropIndex op) {
            return Optional.empty();
        }

        @Override
        public Optional<Hazard> renameIndex(RenameIndex op) {
            return Optional.empty();
        }

        @Override
        public Optional<Hazard> createForeignKey(CreateForeignKey op) {
            return Optional.empty();
        }

        @Override
        public Optional<Hazard> dropForeignKey(DropForeignKey op) {
            return Optional.empty();
        }

        @Override
        public Optional<Hazard> createUniqueConstraint(CreateUniqueConstraint op) {
            return Optional.empty();
        }

        @Override
        public Optional<Hazard> dropUniqueConstraint(DropUniqueConstraint op) {
            return Optional.empty();
        }

        /** A check of allowed values (an enum with a constant removed) cannot be added over rows holding others. */
        @Override
        public Optional<Hazard> createCheckConstraint(CreateCheckConstraint op) {
            AllowedValues allowed = op.constraint().allowedValues();
            if (allowed == null || madeHere.contains(op.table())) {
                return Optional.empty();
            }
            String table = liveTable(op.table());
            String column = liveColumn(table, allowed.column());
            if (existingColumn(table, column).isEmpty()) {
                return Optional.empty(); // added by this revision: it holds nothing yet
            }
            CreateCheckConstraint live = new CreateCheckConstraint(
                    table,
                    CheckConstraint.allowing(
                            op.constraint().name(), new AllowedValues(column, allowed.values(), allowed.numeric())));
            return hazardOf(live).map(hazard -> hazard.calledInRevision(live, op, op.table() + "." + allowed.column()));
        }

        @Override
        public Optional<Hazard> dropCheckConstraint(DropCheckConstraint op) {
            return Optional.empty();
        }

        // ---- sequences hold no rows ----

        @Override
        public Optional<Hazard> createSequence(CreateSequence op) {
            return Optional.empty();
        }

        @Override
        public Optional<Hazard> dropSequence(DropSequence op) {
            return Optional.empty();
        }

        @Override
        public Optional<Hazard> alterSequence(AlterSequence op) {
            return Optional.empty();
        }

        private String liveTable(String table) {
            return liveTables.getOrDefault(table, table);
        }

        private String liveColumn(String liveTable, String column) {
            return liveColumns.getOrDefault(liveTable + "." + column, column);
        }
    }

    private Optional<Hazard> hazardOf(DropTable op) {
        return existing(op.table()).flatMap(t -> count(t.name(), null)
                .map(n -> loss("drop table '" + t.name() + "' holding " + plural(n, "row"))));
    }

    private Optional<Hazard> hazardOf(DropColumn op) {
        return existingColumn(op.table(), op.column()).flatMap(t -> count(
                        t.name(), ddl.quote(op.column()) + " IS NOT NULL")
                .map(n -> loss("drop column '" + op.table() + "." + op.column() + "' holding " + plural(n, "value"))));
    }

    /** Checked against the column as it is, not as the revision says it was: a hand-edited 'from' may be wrong. */
    private Optional<Hazard> hazardOf(AlterColumn op) {
        return existingColumn(op.table(), op.column())
                .flatMap(t -> hazardOfChange(
                        new AlterColumn(op.table(), t.column(op.column()).orElseThrow(), op.to())));
    }

    private Optional<Hazard> hazardOf(AddColumn op) {
        if (op.column().nullable() || op.column().serverDefault() != null) {
            return Optional.empty();
        }
        return existing(op.table())
                .flatMap(t -> count(t.name(), null))
                .map(n -> new Hazard(
                        0,
                        "add column '"
                                + op.table() + "." + op.column().name()
                                + "' NOT NULL with no server default to a table holding "
                                + plural(n, "row")
                                + ", which has no value to give them; give it a server default (@ColumnDefault), "
                                + "or add it nullable, fill it, and make it NOT NULL in a later revision",
                        false));
    }

    private Optional<Hazard> hazardOf(CreateCheckConstraint op) {
        AllowedValues allowed = op.constraint().allowedValues();
        String where = "'" + op.table() + "." + allowed.column() + "'";
        return count(op.table(), "NOT (" + ddl.checkCondition(op.constraint()) + ")")
                .map(n -> new Hazard(
                        0,
                        "create check constraint '" + op.constraint().name() + "' while " + plural(n, "row")
                                + " of " + where + (n == 1 ? " holds a value" : " hold values")
                                + " outside " + allowed.values() + ", which no database can do; change those rows "
                                + "first (an 'execute' UPDATE before this step), or keep their values allowed",
                        false));
    }

    /** {@code op} from the column as the database has it. */
    private Optional<Hazard> hazardOfChange(AlterColumn op) {
        String column = ddl.quote(op.column());
        String where = "'" + op.table() + "." + op.column() + "'";
        if (op.changesType() && bothNumeric(op)) {
            Optional<Hazard> numeric = hazardOfNumericChange(op, column, where);
            if (numeric.isPresent()) {
                return numeric;
            }
        } else if (op.changesType() && !op.to().type().holdsAllOf(op.from().type())) {
            boolean fromText = op.from().type().generic().isText();
            Optional<String> lost = fromText && op.to().type().isBoundedString()
                    ? count(
                                    op.table(),
                                    ddl.charLength(column) + " > "
                                            + op.to().type().length())
                            .map(n -> plural(n, "value") + " longer than "
                                    + op.to().type().length())
                    : count(op.table(), column + " IS NOT NULL")
                            .map(n -> plural(n, "value") + " that " + op.to().type() + " may not hold");
            // A String narrowed is cut to length (see MigrationDialect#fitValues); other changes are the database's.
            if (lost.isPresent()) {
                return Optional.of(loss("change column " + where + " from "
                        + op.from().type() + " to " + op.to().type() + " while it holds " + lost.get()));
            }
        }
        if (op.changesNullability() && !op.to().nullable()) {
            return count(op.table(), column + " IS NULL")
                    .map(n -> new Hazard(
                            0,
                            "make column " + where
                                    + " NOT NULL while " + plural(n, "row") + (n == 1 ? " holds" : " hold")
                                    + " NULL, which no "
                                    + "database can do; fill those rows first (an 'execute' UPDATE before this step), or keep the "
                                    + "column nullable",
                            false));
        }
        return Optional.empty();
    }

    private static boolean bothNumeric(AlterColumn op) {
        return op.from().type().generic() == GenericType.NUMERIC
                && op.to().type().generic() == GenericType.NUMERIC;
    }

    /**
     * A Numeric with fewer digits before the point cannot take the values that
     * no longer fit (PostgreSQL fails, MySQL clamps them to the largest it
     * holds): refused, whatever is accepted. Fewer decimals round the values
     * (see MigrationDialect#roundValues): a loss that may be accepted.
     */
    private Optional<Hazard> hazardOfNumericChange(AlterColumn op, String column, String where) {
        ColumnType to = op.to().type();
        int scale = to.scale() == null ? 0 : to.scale();
        String change = "change column " + where + " from " + op.from().type() + " to " + to;
        if (to.precision() != null) {
            String limit = BigDecimal.TEN.pow(to.precision() - scale).toPlainString();
            Optional<Long> tooLarge = count(op.table(), "ABS(ROUND(" + column + ", " + scale + ")) >= " + limit);
            if (tooLarge.isPresent()) {
                long n = tooLarge.get();
                return Optional.of(new Hazard(
                        0,
                        change + " while " + plural(n, "value") + (n == 1 ? " is " : " are ") + limit
                                + " or more, which " + to + " cannot hold on any database; change those rows first "
                                + "(an 'execute' UPDATE before this step), or keep more digits before the point",
                        false));
            }
        }
        if (MigrationDialect.fewerDecimals(op.from().type(), to)) {
            return count(op.table(), column + " <> ROUND(" + column + ", " + scale + ")")
                    .map(n -> loss(change + " while it holds " + plural(n, "value") + " with more than " + scale
                            + " decimal" + (scale == 1 ? "" : "s") + ", which are rounded"));
        }
        return Optional.empty();
    }

    private static Hazard loss(String phrase) {
        return new Hazard(0, phrase, true);
    }

    private Optional<Table> existing(String table) {
        return tables.table(table);
    }

    private Optional<Table> existingColumn(String table, String column) {
        return tables.table(table).filter(t -> t.column(column).isPresent());
    }

    /** The number of rows matching {@code condition} (all rows if null), if there are any. */
    private Optional<Long> count(String table, String condition) {
        String sql = "SELECT COUNT(*) FROM " + ddl.quote(table) + (condition == null ? "" : " WHERE " + condition);
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long n = rs.getLong(1);
            return n == 0 ? Optional.empty() : Optional.of(n);
        } catch (SQLException e) {
            throw new MigrationException(
                    "cannot count the rows of '" + table + "' before changing it: " + e.getMessage(), e);
        }
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
