package microblog.migrate;

/** A revision would destroy data the database holds, and the loss was not accepted; nothing ran. */
public final class DataLossException extends MigrationException {
    public DataLossException(String message) {
        super(message);
    }
}
