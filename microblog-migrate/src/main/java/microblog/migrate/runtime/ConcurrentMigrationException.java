package microblog.migrate.runtime;

import microblog.migrate.MigrationException;

/** Another process moved the version table while this one was planning; nothing was applied. */
public final class ConcurrentMigrationException extends MigrationException {
    ConcurrentMigrationException(String message) {
        super(message);
    }
}
