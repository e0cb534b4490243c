package microblog.migrate.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import microblog.migrate.MigrationException;
import microblog.migrate.ddl.DdlRenderer;
import microblog.migrate.ddl.TableLookup;
import microblog.migrate.operations.AlterColumn;
import microblog.migrate.operations.DataLossRisk;
import microblog.migrate.operations.DropColumn;
import microblog.migrate.operations.DropTable;
import microblog.migrate.operations.Operation;
import microblog.migrate.operations.RenameColumn;
import microblog.migrate.operations.RenameTable;
import microblog.migrate.schema.Table;

/**
 * Looks at the rows an operation would destroy before it runs: the rows of a
 * dropped table, the values of a dropped column, the values a narrower type
 * cannot hold, the NULLs in a column made NOT NULL. Only counts; never writes.
 */
final class DataLossGuard {
    private final Connection connection;
    private final DdlRenderer ddl;
    private final TableLookup tables;

    DataLossGuard(Connection connection, DdlRenderer ddl, TableLookup tables) {
        this.connection = connection;
        this.ddl = ddl;
        this.tables = tables;
    }

    /**
     * What each of a revision's {@code operations} would destroy in this
     * database now, as phrases, checked before any of them runs. Names are
     * followed through the revision's own renames back to the live ones.
     */
    List<String> check(List<Operation> operations) {
        Map<String, String> liveTables = new HashMap<>(); // table name in the revision -> live name
        Map<String, String> liveColumns = new HashMap<>(); // live table + "." + column in the revision -> live column
        List<String> losses = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation instanceof RenameTable op) {
                liveTables.put(op.to(), liveTables.getOrDefault(op.from(), op.from()));
            } else if (operation instanceof RenameColumn op) {
                String table = liveTables.getOrDefault(op.table(), op.table());
                liveColumns.put(table + "." + op.to(), liveColumns.getOrDefault(table + "." + op.from(), op.from()));
            } else {
                Operation live = renamedBack(operation, liveTables, liveColumns);
                check(live).ifPresent(losses::add);
            }
        }
        return losses;
    }

    private static Operation renamedBack(Operation operation, Map<String, String> tables, Map<String, String> columns) {
        if (operation instanceof DropTable op) {
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

    /** What {@code operation} would destroy in this database now, as a phrase, or nothing. */
    private Optional<String> check(Operation operation) {
        if (DataLossRisk.of(operation).isEmpty()) {
            return Optional.empty();
        }
        if (operation instanceof DropTable op) {
            return existing(op.table()).flatMap(t -> count(t.name(), null)
                    .map(n -> "drop table '" + t.name() + "' holding " + plural(n, "row")));
        } else if (operation instanceof DropColumn op) {
            return existingColumn(op.table(), op.column()).flatMap(t -> count(t.name(), ddl.quote(op.column())
                    + " IS NOT NULL").map(n -> "drop column '" + op.table() + "." + op.column() + "' holding "
                    + plural(n, "value")));
        } else if (operation instanceof AlterColumn op) {
            return existingColumn(op.table(), op.column()).flatMap(t -> alterColumn(op));
        }
        throw new IllegalStateException("no data-loss check for " + operation.describe());
    }

    private Optional<String> alterColumn(AlterColumn op) {
        String column = ddl.quote(op.column());
        String where = "'" + op.table() + "." + op.column() + "'";
        if (op.changesType() && !op.to().type().holdsAllOf(op.from().type())) {
            boolean fromText = op.from().type().name().equals("String") || op.from().type().name().equals("Text");
            Optional<String> lost = fromText && op.to().type().isBoundedString()
                    ? count(op.table(), ddl.charLength(column) + " > " + op.to().type().length())
                        .map(n -> plural(n, "value") + " longer than " + op.to().type().length())
                    : count(op.table(), column + " IS NOT NULL").map(n -> plural(n, "value") + " that "
                        + op.to().type() + " may not hold");
            if (lost.isPresent()) {
                return Optional.of("change column " + where + " from " + op.from().type() + " to "
                        + op.to().type() + " while it holds " + lost.get());
            }
        }
        if (op.changesNullability() && !op.to().nullable()) {
            return count(op.table(), column + " IS NULL")
                    .map(n -> "make column " + where + " NOT NULL while " + plural(n, "row") + " hold NULL");
        }
        return Optional.empty();
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
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long n = rs.getLong(1);
            return n == 0 ? Optional.empty() : Optional.of(n);
        } catch (SQLException e) {
            throw new MigrationException("cannot count the rows of '" + table + "' before changing it: "
                    + e.getMessage(), e);
        }
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
