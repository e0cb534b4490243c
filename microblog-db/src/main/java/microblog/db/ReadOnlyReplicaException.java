package microblog.db;

/**
 * The server refused a write because it takes none: a read-only replica (a standby, a server
 * started read-only, a database whose sessions are read-only). Writes belong on the primary.
 */
public final class ReadOnlyReplicaException extends DatabaseException {
    public ReadOnlyReplicaException(String message, Throwable cause) {
        super(message, cause);
    }
}
