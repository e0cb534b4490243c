package microblog.db.url;

import microblog.db.DatabaseException;

/**
 * A database URL that names no database this project can open. The message
 * names the URL as "database URL"; an application that read it from a setting
 * names the setting instead ({@link #namedAs}), as the libraries read none.
 */
public class InvalidDatabaseUrlException extends DatabaseException {
    private final String detail;

    /** {@code detail} follows the URL's name: {@code "'x' is not a database URL: ..."}. */
    public InvalidDatabaseUrlException(String detail) {
        this("database URL", detail);
    }

    private InvalidDatabaseUrlException(String name, String detail) {
        super(name + " " + detail);
        this.detail = detail;
    }

    /** The same failure, the URL named as the setting it came from, such as {@code DATABASE_URL}. */
    public InvalidDatabaseUrlException namedAs(String setting) {
        InvalidDatabaseUrlException named = new InvalidDatabaseUrlException(setting, detail);
        named.setStackTrace(getStackTrace());
        return named;
    }
}
