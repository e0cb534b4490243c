package microblog.db.jdbc;

/** The database could not be reached or refused us; the message says how to fix it. */
public class DatabaseConnectionException extends RuntimeException {
    public DatabaseConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
