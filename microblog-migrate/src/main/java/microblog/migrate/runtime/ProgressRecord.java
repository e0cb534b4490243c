package microblog.migrate.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import microblog.db.url.DatabaseKind;
import microblog.migrate.MigrationException;
import microblog.migrate.dialect.MigrationDialect;

/**
 * Where schema changes commit one statement at a time (MySQL and MariaDB), a
 * revision that fails or is killed half-way leaves part of itself applied
 * while the version table still names the revision before. This record,
 * written and committed before the first statement and after each one, lets
 * the next command see that and say exactly what ran. It lives in the table
 * {@code <version table>_progress}, beside the version table; a row exists only
 * while a revision runs or after one stopped half-way.
 */
public final class ProgressRecord {
    /** A revision that started and did not finish. */
    public record Unfinished(
            String revision, String direction, int statementsDone, String startedAt, String runBy, Long connectionId) {}

    private static final Pattern LEADING_COMMENTS =
            Pattern.compile("^(\\s+|--[^\\n]*(\\n|$)|#[^\\n]*(\\n|$)|/\\*.*?\\*/)*", Pattern.DOTALL);
    private static final Pattern PLAIN_DATA_CHANGE =
            Pattern.compile("(INSERT|UPDATE|DELETE|REPLACE|SELECT)\\b", Pattern.CASE_INSENSITIVE);

    private static final String RUN_BY = "run_by";
    private static final String CONNECTION_ID =
            "connection_id"; // the run's session, to find a statement it left running

    private final Connection connection;
    private final MigrationDialect ddl;
    private final String table;
    private final String runBy; // the lock holder's id: a run writes and deletes its own rows only; null to read

    /** The record as the run holding the migration lock as {@code runBy} keeps it. */
    ProgressRecord(Connection connection, MigrationDialect ddl, String versionTable, LockHolder runBy) {
        this.connection = connection;
        this.ddl = ddl;
        this.table = tableName(versionTable);
        this.runBy = runBy == null ? null : runBy.id();
    }

    /** The revisions that stopped half-way on {@code connection}'s database; none where DDL rolls back. */
    public static List<Unfinished> stoppedOn(Connection connection, DatabaseKind kind, String versionTable) {
        return isNeeded(kind)
                ? reader(connection, MigrationDialect.forKind(kind), versionTable)
                        .unfinished()
                : List.of();
    }

    /** The record as the commands that only read it see it. */
    public static ProgressRecord reader(Connection connection, MigrationDialect ddl, String versionTable) {
        return new ProgressRecord(connection, ddl, versionTable, null);
    }

    public static String tableName(String versionTable) {
        return versionTable + "_progress";
    }

    /** Whether a database needs this record: only where DDL does not roll back. */
    public static boolean isNeeded(DatabaseKind kind) {
        return !kind.hasTransactionalDdl();
    }

    /** Records the revision as started, within its transaction: its first schema change commits it. */
    void start(String revision, String direction) {
        write(
                true,
                "CREATE TABLE IF NOT EXISTS " + ddl.quote(table) + " (" + ddl.quote("revision")
                        + " VARCHAR(32) NOT NULL PRIMARY KEY, " + ddl.quote("direction") + " VARCHAR(10) NOT NULL, "
                        + ddl.quote("statements_done") + " INTEGER NOT NULL, " + ddl.quote("started_at")
                        + " VARCHAR(32) NOT NULL, " + ddl.quote(RUN_BY) + " VARCHAR(255), " + ddl.quote(CONNECTION_ID)
                        + " BIGINT)" + ddl.bookkeepingTableOptions());
        addNewerColumns();
        // A row left by a crashed run of this revision: the commands that run revisions refuse while
        // one exists, so it is only ever here when the user recorded the state and runs it again.
        write(false, "DELETE FROM " + ddl.quote(table) + " WHERE " + ddl.quote("revision") + " = ?", revision);
        write(
                false,
                "INSERT INTO " + ddl.quote(table) + " (" + ddl.quote("revision") + ", " + ddl.quote("direction")
                        + ", " + ddl.quote("statements_done") + ", " + ddl.quote("started_at") + ", "
                        + ddl.quote(RUN_BY) + ", " + ddl.quote(CONNECTION_ID) + ") VALUES (?, ?, 0, ?, ?, "
                        + connectionId() + ")",
                revision,
                direction,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                runBy);
    }

    /**
     * Takes over the row of {@code revision}, left by a run that stopped, as standing after
     * {@code statementsDone} statements: this run finishes or undoes it from there.
     */
    void adopt(String revision, int statementsDone) {
        addNewerColumns();
        write(
                true,
                "UPDATE " + ddl.quote(table) + " SET " + ddl.quote(RUN_BY) + " = ?, " + ddl.quote("statements_done")
                        + " = " + statementsDone + ", " + ddl.quote(CONNECTION_ID) + " = " + connectionId()
                        + " WHERE " + ddl.quote("revision") + " = ?",
                runBy,
                revision);
    }

    /** This session's id where the database has one to look up ({@code NULL} otherwise), as SQL. */
    private String connectionId() {
        return ddl.sessionIdSql().map(sql -> "(" + sql + ")").orElse("NULL");
    }

    /** Tables made by an earlier version lack the columns added since. */
    private void addNewerColumns() {
        try {
            var columns = BookkeepingTables.columns(connection, ddl, table);
            if (!columns.contains(RUN_BY)) {
                write(true, "ALTER TABLE " + ddl.quote(table) + " ADD " + ddl.quote(RUN_BY) + " VARCHAR(255)");
            }
            if (!columns.contains(CONNECTION_ID)) {
                write(true, "ALTER TABLE " + ddl.quote(table) + " ADD " + ddl.quote(CONNECTION_ID) + " BIGINT");
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot read the columns of " + table + ": " + e.getMessage(), e);
        }
    }

    private String ownRow() {
        return " WHERE " + ddl.quote("revision") + " = ? AND " + ddl.quote(RUN_BY) + " = ?";
    }

    /**
     * Counts one more statement. After one MySQL commits at once (see
     * {@link #commitsAtOnce}), with everything before it, the count is
     * committed too; after a plain data change it stays in the transaction, so
     * a rollback undoes both.
     */
    void statementDone(String revision, boolean schemaChange) {
        write(
                schemaChange,
                "UPDATE " + ddl.quote(table) + " SET " + ddl.quote("statements_done") + " = "
                        + ddl.quote("statements_done") + " + 1" + ownRow(),
                revision,
                runBy);
    }

    /**
     * Whether MySQL may commit {@code sql} at once (with all before it): every
     * statement but plain data changes and queries, so that a schema change
     * hidden behind a comment, or in a procedure, is counted as committed too.
     * Counting a data change as committed is safe (it is then committed); the
     * other way round would not be.
     */
    public static boolean commitsAtOnce(String sql) {
        return !PLAIN_DATA_CHANGE
                .matcher(LEADING_COMMENTS.matcher(sql).replaceFirst(""))
                .lookingAt();
    }

    /** Part of the revision's final transaction: the version table moves and this row goes, together. */
    String finishSql(String revision) {
        return "DELETE FROM " + ddl.quote(table) + " WHERE " + ddl.quote("revision") + " = "
                + BookkeepingTables.literal(revision) + " AND " + ddl.quote(RUN_BY) + " = "
                + BookkeepingTables.literal(runBy);
    }

    /** Forgets {@code revision}, which stopped before changing anything. */
    void forget(String revision) {
        if (exists()) {
            write(true, "DELETE FROM " + ddl.quote(table) + ownRow(), revision, runBy);
        }
    }

    /** Forgets every unfinished revision: {@code stamp} records where the database stands instead. */
    void clear() {
        if (exists()) {
            write(true, "DELETE FROM " + ddl.quote(table));
        }
    }

    public List<Unfinished> unfinished() {
        List<Unfinished> rows = new ArrayList<>();
        if (!exists()) {
            return rows;
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + ddl.quote(table))) {
            while (rs.next()) {
                rows.add(new Unfinished(
                        rs.getString("revision"),
                        rs.getString("direction"),
                        rs.getInt("statements_done"),
                        rs.getString("started_at"),
                        hasColumn(rs, RUN_BY) ? rs.getString(RUN_BY) : null,
                        hasColumn(rs, CONNECTION_ID) ? (Long) rs.getObject(CONNECTION_ID, Long.class) : null));
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot read " + table + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static boolean hasColumn(ResultSet rs, String column) throws SQLException {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            if (rs.getMetaData().getColumnLabel(i).equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    private boolean exists() {
        try {
            return BookkeepingTables.exists(connection, ddl.kind(), table);
        } catch (SQLException e) {
            throw new MigrationException("cannot look for " + table + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code sql}; with {@code commit}, commits at once, so the record survives what comes next. */
    private void write(boolean commit, String sql, String... parameters) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setString(i + 1, parameters[i]);
            }
            st.execute();
            if (commit && !connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new MigrationException(
                    "cannot record the progress of a revision in " + table + ": " + e.getMessage(), e);
        }
    }
}
