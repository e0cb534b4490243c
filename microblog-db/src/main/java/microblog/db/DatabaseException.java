package microblog.db;

/**
 * The base of every failure the two libraries report on purpose: bad input, a
 * database that cannot be reached, a broken constraint, a migration that cannot
 * go on. Its message is one line a user can act on, so a command line or a
 * page can show it as it is; anything else that escapes is a defect.
 */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
