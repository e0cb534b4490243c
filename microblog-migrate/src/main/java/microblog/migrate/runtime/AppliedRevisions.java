package microblog.migrate.runtime;

import static microblog.migrate.runtime.BookkeepingTables.literal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import microblog.migrate.dialect.MigrationDialect;

/**
 * The record of the revisions applied to a database, beside the version table
 * ({@code <version table>_applied}): each with the checksum of its operations,
 * when it was applied, how long it took, and the tag given to the command
 * that applied it (as {@code --tag v1.4}). The version table stays exactly
 * as Alembic keeps it, so either tool reads where a database stands; this
 * record is what lets a command notice that a revision was edited after it ran.
 */
public final class AppliedRevisions {
    /**
     * One applied revision; {@code durationMillis} is null where it was recorded without running it,
     * {@code tag} where the command was given none.
     */
    public record Applied(String revision, String checksum, String appliedAt, Long durationMillis, String tag) {}

    private static final String TAG = "tag";

    private final String table;
    private final MigrationDialect ddl;

    public AppliedRevisions(String versionTable, MigrationDialect ddl) {
        this.table = tableName(versionTable);
        this.ddl = ddl;
    }

    public static String tableName(String versionTable) {
        return versionTable + "_applied";
    }

    public boolean exists(Connection connection) throws SQLException {
        return BookkeepingTables.exists(connection, ddl.kind(), table);
    }

    String createSql() {
        return "CREATE TABLE IF NOT EXISTS " + ddl.quote(table) + " (" + ddl.quote("revision")
                + " VARCHAR(32) NOT NULL PRIMARY KEY, " + ddl.quote("checksum") + " VARCHAR(64) NOT NULL, "
                + ddl.quote("applied_at") + " VARCHAR(32) NOT NULL, " + ddl.quote("duration_ms") + " BIGINT, "
                + ddl.quote(TAG) + " VARCHAR(255))" + ddl.bookkeepingTableOptions();
    }

    /**
     * What makes the record ready to write: the table where there is none, or the tag column where
     * the table was made before tags were recorded; nothing when it is ready, or offline
     * ({@code connection} null), where the table is created if missing.
     */
    List<String> prepareSql(Connection connection) throws SQLException {
        if (connection == null || !exists(connection)) {
            return List.of(createSql());
        }
        if (!BookkeepingTables.columns(connection, ddl, table).contains(TAG)) {
            return List.of("ALTER TABLE " + ddl.quote(table) + " ADD " + ddl.quote(TAG) + " VARCHAR(255)");
        }
        return List.of();
    }

    /**
     * Records {@code revision} as applied now, by the database's clock (so an
     * offline script records when it runs); {@code durationMillis} is null for
     * a revision recorded without running it (stamp, repair, offline SQL).
     */
    List<String> recordSql(String revision, String checksum, Long durationMillis, String tag) {
        return insertSql(revision, checksum, ddl.utcTimestampText(), durationMillis, tag);
    }

    /** The same, keeping the time the revision was first applied and its tag. */
    List<String> rerecordSql(Applied before, String checksum) {
        return insertSql(
                before.revision(), checksum, literal(before.appliedAt()), before.durationMillis(), before.tag());
    }

    /** The tag column is named only when there is a tag, so that an offline script runs on a record without one. */
    private List<String> insertSql(
            String revision, String checksum, String appliedAtSql, Long durationMillis, String tag) {
        return List.of(
                forgetSql(revision),
                "INSERT INTO " + ddl.quote(table) + " (" + ddl.quote("revision") + ", "
                        + ddl.quote("checksum") + ", " + ddl.quote("applied_at") + ", " + ddl.quote("duration_ms")
                        + (tag == null ? "" : ", " + ddl.quote(TAG)) + ") VALUES (" + literal(revision) + ", "
                        + literal(checksum) + ", " + appliedAtSql + ", "
                        + (durationMillis == null ? "NULL" : durationMillis)
                        + (tag == null ? "" : ", " + literal(tag)) + ")");
    }

    /** Forgets every revision but {@code applied}: what a stamp leaves no longer applied. */
    String keepOnlySql(Collection<String> applied) {
        return "DELETE FROM " + ddl.quote(table)
                + (applied.isEmpty()
                        ? ""
                        : " WHERE " + ddl.quote("revision") + " NOT IN ("
                                + String.join(
                                        ", ",
                                        applied.stream()
                                                .map(BookkeepingTables::literal)
                                                .toList()) + ")");
    }

    String forgetSql(String revision) {
        return "DELETE FROM " + ddl.quote(table) + " WHERE " + ddl.quote("revision") + " = " + literal(revision);
    }

    /** The record, by revision id; empty where the table does not exist (a database migrated before it). */
    public Map<String, Applied> read(Connection connection) throws SQLException {
        Map<String, Applied> applied = new LinkedHashMap<>();
        if (!exists(connection)) {
            return applied;
        }
        boolean tagged = BookkeepingTables.columns(connection, ddl, table).contains(TAG);
        try (Statement st = connection.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT * FROM " + ddl.quote(table) + " ORDER BY " + ddl.quote("applied_at"))) {
            while (rs.next()) {
                Object duration = rs.getObject("duration_ms");
                applied.put(
                        rs.getString("revision"),
                        new Applied(
                                rs.getString("revision"),
                                rs.getString("checksum"),
                                rs.getString("applied_at"),
                                duration == null ? null : ((Number) duration).longValue(),
                                tagged ? rs.getString(TAG) : null));
            }
        }
        return applied;
    }
}
