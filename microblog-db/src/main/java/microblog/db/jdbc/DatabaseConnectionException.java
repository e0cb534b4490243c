package microblog.db.jdbc;

import microblog.db.DatabaseException;

/** The database could not be reached or refused us; the message says how to fix it. */
public class DatabaseConnectionException extends DatabaseException {
    public DatabaseConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
