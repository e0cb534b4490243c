package microblog.db;

/**
 * A change waited for another transaction's lock longer than the database
 * allows (on SQLite, 30 seconds unless the URL sets its own {@code busy_timeout};
 * on MySQL/MariaDB, {@code innodb_lock_wait_timeout}); the whole transaction was
 * rolled back and may simply be tried again. {@link Database#transaction} does
 * not do so by itself: see {@link TransientDatabaseException}.
 */
public final class DatabaseBusyException extends TransientDatabaseException {
    public DatabaseBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
