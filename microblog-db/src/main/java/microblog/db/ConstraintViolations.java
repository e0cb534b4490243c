package microblog.db;

import java.sql.SQLException;
import java.util.Locale;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Reads which constraint a failed write broke. Hibernate names the kind and
 * the constraint where its dialect can tell; where it cannot (the community
 * SQLite dialect), the driver's SQL state, error code or message says the kind.
 */
final class ConstraintViolations {
    private static final int SQLITE_CONSTRAINT = 19;

    private ConstraintViolations() {}

    /** The driver's error if {@code e} comes from a broken constraint (SQL state class 23, SQLite code 19). */
    static SQLException find(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && state.startsWith("23")) || sql.getErrorCode() == SQLITE_CONSTRAINT) {
                    return sql;
                }
            }
        }
        return null;
    }

    /** The failure to report for {@code e}, whose driver error is {@code violation}. */
    static IntegrityViolationException describe(Throwable e, SQLException violation, String message) {
        ConstraintViolationException hibernate = null;
        for (Throwable cause = e; cause != null && hibernate == null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException found) {
                hibernate = found;
            }
        }
        ConstraintKind kind = hibernate == null
                ? ConstraintKind.OTHER
                : switch (hibernate.getKind()) {
                    case UNIQUE -> ConstraintKind.UNIQUE;
                    case FOREIGN_KEY -> ConstraintKind.FOREIGN_KEY;
                    case NOT_NULL -> ConstraintKind.NOT_NULL;
                    case CHECK -> ConstraintKind.CHECK;
                    case OTHER -> ConstraintKind.OTHER;
                };
        if (kind == ConstraintKind.OTHER) {
            kind = kindFromDriver(violation);
        }
        String name = hibernate == null
                        || hibernate.getConstraintName() == null
                        || hibernate.getConstraintName().isBlank()
                ? null
                : hibernate.getConstraintName();
        return new IntegrityViolationException(message, kind, name, e);
    }

    /**
     * The kind from the driver alone: PostgreSQL's SQL states (23505 and so on),
     * MySQL/MariaDB's error codes, SQLite's message ("UNIQUE constraint failed: ...").
     */
    private static ConstraintKind kindFromDriver(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String message = sql.getMessage() == null ? "" : sql.getMessage().toUpperCase(Locale.ROOT);
        int code = sql.getErrorCode();
        if (state.equals("23505") || code == 1062 || message.contains("UNIQUE CONSTRAINT FAILED")) {
            return ConstraintKind.UNIQUE;
        }
        if (state.equals("23503") || code == 1451 || code == 1452 || message.contains("FOREIGN KEY CONSTRAINT")) {
            return ConstraintKind.FOREIGN_KEY;
        }
        if (state.equals("23502") || code == 1048 || message.contains("NOT NULL CONSTRAINT FAILED")) {
            return ConstraintKind.NOT_NULL;
        }
        if (state.equals("23514") || code == 3819 || code == 4025 || message.contains("CHECK CONSTRAINT FAILED")) {
            return ConstraintKind.CHECK;
        }
        return ConstraintKind.OTHER;
    }
}
