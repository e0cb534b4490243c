package microblog.db;

/**
 * The database aborted the transaction because it conflicted with another: a deadlock, a
 * serialization failure, a Galera certification failure, a row changed by another transaction
 * since it was read. Nothing of the transaction was committed, and the session has been rolled
 * back and can be used again. Running the whole unit of work again, from its first read, usually
 * succeeds: {@link Database#transaction} does so, and throws this only after its last attempt,
 * with {@link #attempts()} saying how many were made.
 *
 * <p>Raised whether the database says so at a statement, at a flush or at the commit (Galera and
 * PostgreSQL's {@code SERIALIZABLE} may refuse the commit itself).
 */
public final class TransactionConflictException extends TransientDatabaseException {
    private final int attempts;

    public TransactionConflictException(String message, Throwable cause) {
        this(message, cause, 1);
    }

    public TransactionConflictException(String message, Throwable cause, int attempts) {
        super(message, cause);
        this.attempts = attempts;
    }

    /** How many times the unit of work ran, each time ending in a conflict: 1 where nothing retried it. */
    public int attempts() {
        return attempts;
    }
}
