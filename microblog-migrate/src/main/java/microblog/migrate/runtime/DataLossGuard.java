package microblog.migrate.runtime;

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
import microblog.migrate.ddl.DdlRenderer;
import microblog.migrate.ddl.TableLookup;
import microblog.migrate.operations.AddColumn;
import microblog.migrate.operations.AlterColumn;
import microblog.migrate.operations.CreateTable;
import microblog.migrate.operations.DataLossRisk;
import microblog.migrate.operations.DropColumn;
import microblog.migrate.operations.DropTable;
import microblog.migrate.operations.ExecuteSql;
import microblog.migrate.operations.Operation;
import microblog.migrate.operations.RenameColumn;
import microblog.migrate.operations.RenameTable;
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
    record Hazard(int index, String phrase, boolean acceptable) {}

    private final Connection connection;
    private final DdlRenderer ddl;
    private final TableLookup tables;

    DataLossGuard(Connection connection, DdlRenderer ddl, TableLookup tables) {
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
        Map<String, String> liveTables = new HashMap<>(); // table name in the revision -> live name
        Map<String, String> liveColumns = new HashMap<>(); // live table + "." + column in the revision -> live column
        List<Hazard> losses = new ArrayList<>();
        Set<String> madeHere = new HashSet<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            int index = i;
            if (operation instanceof ExecuteSql) {
                break;
            } else if (operation instanceof CreateTable op) {
                madeHere.add(op.table().name()); // a new table: what the live one of that name holds is not its
            } else if (operation instanceof RenameTable op) {
                liveTables.put(op.to(), liveTables.getOrDefault(op.from(), op.from()));
            } else if (operation instanceof RenameColumn op) {
                String table = liveTables.getOrDefault(op.table(), op.table());
                liveColumns.put(table + "." + op.to(), liveColumns.getOrDefault(table + "." + op.from(), op.from()));
            } else {
                if (madeHere.contains(tableOf(operation))) {
                    continue;
                }
                Operation live = renamedBack(operation, liveTables, liveColumns);
                String called = live.equals(operation) ? "" : " (" + nameIn(operation) + " in the revision)";
                check(live)
                        .ifPresent(
                                hazard -> losses.add(new Hazard(index, hazard.phrase() + called, hazard.acceptable())));
            }
        }
        return losses;
    }

    /** The table a data-changing operation works on, or null. */
    private static String tableOf(Operation operation) {
        if (operation instanceof AddColumn op) {
            return op.table();
        } else if (operation instanceof DropTable op) {
            return op.table();
        } else if (operation instanceof DropColumn op) {
            return op.table();
        } else if (operation instanceof AlterColumn op) {
            return op.table();
        }
        return null;
    }

    /** What the revision calls the table or column {@code operation} changes. */
    private static String nameIn(Operation operation) {
        if (operation instanceof AddColumn op) {
            return "'" + op.table() + "." + op.column().name() + "'";
        } else if (operation instanceof DropTable op) {
            return "'" + op.table() + "'";
        } else if (operation instanceof DropColumn op) {
            return "'" + op.table() + "." + op.column() + "'";
        } else if (operation instanceof AlterColumn op) {
            return "'" + op.table() + "." + op.column() + "'";
        }
        return operation.describe();
    }

    private static Operation renamedBack(Operation operation, Map<String, String> tables, Map<String, String> columns) {
        if (operation instanceof AddColumn op) {
            return new AddColumn(tables.getOrDefault(op.table(), op.table()), op.column());
        } else if (operation instanceof DropTable op) {
            return new DropTable(tables.getOrDefault(op.table(), op.table()));
        } else if (operation instanceof DropColumn op) {
            String table = tables.getOrDefault(op.table(), op.table());
            return new DropColumn(table, columns.getOrDefault(table + "." + op.column(), op.column()));
        } else if (operation instanceof AlterColumn op) {
            String table = tables.getOrDefault(op.table(), op.table());
            String column = columns.getOrDefault(table + "." + op.column(), op.column());
            return new AlterColumn(table, op.from().renamed(column), op.to().renamed(column));
        }
        return operation;
    }

    /** What {@code operation} would do to the rows of this database now, or nothing. */
    private Optional<Hazard> check(Operation operation) {
        if (operation instanceof AddColumn op) {
            return addColumn(op);
        }
        if (DataLossRisk.of(operation).isEmpty()) {
            return Optional.empty();
        }
        if (operation instanceof DropTable op) {
            return existing(op.table()).flatMap(t -> count(t.name(), null)
                    .map(n -> loss("drop table '" + t.name() + "' holding " + plural(n, "row"))));
        } else if (operation instanceof DropColumn op) {
            return existingColumn(op.table(), op.column())
                    .flatMap(t -> count(t.name(), ddl.quote(op.column()) + " IS NOT NULL")
                            .map(n -> loss("drop column '" + op.table() + "." + op.column() + "' holding "
                                    + plural(n, "value"))));
        } else if (operation instanceof AlterColumn op) {
            // The column as it is, not as the revision says it was: a hand-edited 'from' may be wrong.
            return existingColumn(op.table(), op.column())
                    .flatMap(t -> alterColumn(
                            new AlterColumn(op.table(), t.column(op.column()).orElseThrow(), op.to())));
        }
        throw new IllegalStateException("no data-loss check for " + operation.describe());
    }

    private Optional<Hazard> addColumn(AddColumn op) {
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

    private Optional<Hazard> alterColumn(AlterColumn op) {
        String column = ddl.quote(op.column());
        String where = "'" + op.table() + "." + op.column() + "'";
        if (op.changesType() && !op.to().type().holdsAllOf(op.from().type())) {
            boolean fromText = op.from().type().name().equals("String")
                    || op.from().type().name().equals("Text");
            Optional<String> lost = fromText && op.to().type().isBoundedString()
                    ? count(
                                    op.table(),
                                    ddl.charLength(column) + " > "
                                            + op.to().type().length())
                            .map(n -> plural(n, "value") + " longer than "
                                    + op.to().type().length())
                    : count(op.table(), column + " IS NOT NULL")
                            .map(n -> plural(n, "value") + " that " + op.to().type() + " may not hold");
            // A String narrowed is cut to length (see DdlRenderer#truncation); other changes are the database's.
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
