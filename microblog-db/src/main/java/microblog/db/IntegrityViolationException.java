package microblog.db;

/**
 * A write broke a constraint of the database (a duplicate unique value, a
 * missing foreign row). The transaction has been rolled back; the session can
 * be used again.
 */
public class IntegrityViolationException extends RuntimeException {
    public IntegrityViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
