package microblog.db.dialect;

import java.sql.SQLException;
import microblog.db.ConstraintKind;

/**
 * The SQL states of the standard that more than one database reports: class 23 for a broken
 * constraint (PostgreSQL, H2), 40001 for a transaction aborted by a conflict (all but SQLite),
 * class 08 for a lost connection.
 */
final class StandardSqlStates {
    private StandardSqlStates() {}

    /** serialization_failure (40001): a deadlock victim on MySQL/MariaDB and H2, a serialization failure anywhere. */
    static boolean isSerializationFailure(SQLException e) {
        return "40001".equals(e.getSQLState());
    }

    /** connection_exception (class 08). */
    static boolean isConnectionException(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    static ConstraintKind constraintKind(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "23505" -> ConstraintKind.UNIQUE;
            case "23503", "23506" -> ConstraintKind.FOREIGN_KEY; // H2 says 23506 for a missing parent
            case "23502" -> ConstraintKind.NOT_NULL;
            case "23513", "23514" -> ConstraintKind.CHECK; // H2's and PostgreSQL's
            default -> ConstraintKind.OTHER;
        };
    }
}
