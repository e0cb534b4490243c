package microblog.db.url;

/** A DATABASE_URL that names no database this project can open. */
public class InvalidDatabaseUrlException extends IllegalArgumentException {
    public InvalidDatabaseUrlException(String message) {
        super(message);
    }
}
