package microblog.db;

import java.sql.SQLException;
import microblog.db.url.DatabaseKind;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Reads which constraint a failed write broke. Hibernate names the kind and
 * the constraint where its dialect can tell; where it cannot (the community
 * SQLite dialect), the driver's SQL state, error code or message says the kind.
 */
final class ConstraintViolations {
    private ConstraintViolations() {}

    /** The driver's error if {@code e} comes from a broken constraint of a {@code kind} database. */
    static SQLException find(Throwable e, DatabaseKind kind) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && kind.isConstraintViolation(sql)) {
                return sql;
            }
        }
        return null;
    }

    /** The failure to report for {@code e}, whose driver error is {@code violation}. */
    static IntegrityViolationException describe(
            Throwable e, SQLException violation, DatabaseKind kindOfDatabase, String message) {
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
            kind = kindOfDatabase.constraintKind(violation);
        }
        String name = hibernate == null
                        || hibernate.getConstraintName() == null
                        || hibernate.getConstraintName().isBlank()
                ? null
                : kindOfDatabase.dialect().constraintName(hibernate.getConstraintName());
        return new IntegrityViolationException(message, kind, name, e);
    }
}
