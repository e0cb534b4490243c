package microblog.migrate;

import microblog.db.DatabaseException;

/**
 * A migration command cannot go on: bad input, an unknown revision, a missing
 * repository. The message is one line a user can act on.
 */
public class MigrationException extends DatabaseException {
    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
