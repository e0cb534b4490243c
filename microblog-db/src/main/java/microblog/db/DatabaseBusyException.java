package microblog.db;

/**
 * A change waited for another transaction's lock longer than the database
 * allows (on SQLite, {@link microblog.db.jdbc.ConnectionFactory#BUSY_TIMEOUT_MILLIS});
 * it was rolled back and may simply be tried again.
 */
public final class DatabaseBusyException extends DatabaseException {
    public DatabaseBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
