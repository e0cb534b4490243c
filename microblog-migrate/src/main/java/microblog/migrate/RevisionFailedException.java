package microblog.migrate;

/**
 * A statement of a revision failed on the database. Besides the one-line
 * message, it says which revision, which way, and which statement, so that a
 * program can report or retry it without parsing text.
 */
public final class RevisionFailedException extends MigrationException {
    private final String revision;
    private final MigrationStep.Direction direction;
    private final int statementNumber;
    private final String statement;

    public RevisionFailedException(
            String message,
            String revision,
            MigrationStep.Direction direction,
            int statementNumber,
            String statement,
            Throwable cause) {
        super(message, cause);
        this.revision = revision;
        this.direction = direction;
        this.statementNumber = statementNumber;
        this.statement = statement;
    }

    /** The id of the revision that failed. */
    public String revision() {
        return revision;
    }

    public MigrationStep.Direction direction() {
        return direction;
    }

    /** Which of the revision's statements failed, counting from 1. */
    public int statementNumber() {
        return statementNumber;
    }

    /** The SQL that failed, as sent. */
    public String statement() {
        return statement;
    }
}
