package microblog.db;

/**
 * The connection to the database was lost while the commit was under way: the database may
 * have stored the transaction before the connection went, or not, and the application cannot
 * tell which. It is not a conflict and {@link Database#transaction} does not run the work again,
 * since that could write it twice; look in the database (a row with a key the work chose
 * itself tells), or run the work again only if it is idempotent. The session has been reset and
 * can be used again, on another connection.
 */
public final class CommitOutcomeUnknownException extends DatabaseException {
    public CommitOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
