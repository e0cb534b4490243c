package microblog.db;

/**
 * A change waited for another transaction's lock longer than the database
 * allows (on SQLite, 30 seconds unless the URL sets its own {@code busy_timeout});
 * it was rolled back and may simply be tried again.
 */
public final class DatabaseBusyException extends DatabaseException {
    public DatabaseBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
