package microblog.migrate.runtime;

import microblog.migrate.MigrationException;

/** A revision would destroy data the database holds, and the loss was not accepted; nothing ran. */
public final class DataLossException extends MigrationException {
    DataLossException(String message) {
        super(message);
    }
}
