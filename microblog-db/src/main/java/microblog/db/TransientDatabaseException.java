package microblog.db;

/**
 * The database gave up on a transaction for reasons of timing, not of its content: it waited
 * too long for a lock ({@link DatabaseBusyException}) or conflicted with another transaction
 * ({@link TransactionConflictException}). The transaction was rolled back whole, so nothing of
 * it was committed, and the same unit of work may succeed if run again. A page can answer
 * "try again" (503) to both.
 *
 * <p>{@link Database#transaction} runs the work again after a conflict only: a lock wait has
 * already spent the database's whole lock timeout (30 s on SQLite, 50 s on MySQL), usually on
 * a lock someone holds for long (a change pending in a shell), and each retry would wait as
 * long again. JDBC draws the same line ({@code SQLTransientException}, with
 * {@code SQLTransactionRollbackException} and {@code SQLTimeoutException} beneath it).
 */
public abstract sealed class TransientDatabaseException extends DatabaseException
        permits DatabaseBusyException, TransactionConflictException {
    protected TransientDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
