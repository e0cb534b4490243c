package microblog.db.url;

import microblog.db.DatabaseException;

/** A DATABASE_URL that names no database this project can open. */
public class InvalidDatabaseUrlException extends DatabaseException {
    public InvalidDatabaseUrlException(String message) {
        super(message);
    }
}
