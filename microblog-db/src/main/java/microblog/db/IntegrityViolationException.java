package microblog.db;

import java.util.Optional;

/**
 * A write broke a constraint of the database (a duplicate unique value, a
 * missing foreign row). The transaction has been rolled back; the session can
 * be used again. {@link #kind()} and {@link #constraintName()} say which
 * constraint, as far as the database tells: SQLite names no constraint.
 */
public class IntegrityViolationException extends DatabaseException {
    private final ConstraintKind kind;
    private final String constraintName;

    public IntegrityViolationException(String message, ConstraintKind kind, String constraintName, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.constraintName = constraintName;
    }

    public ConstraintKind kind() {
        return kind;
    }

    public Optional<String> constraintName() {
        return Optional.ofNullable(constraintName);
    }
}
