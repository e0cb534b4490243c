package microblog.db;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/**
 * The last step of translating what Hibernate throws: a failure none of the narrower translations
 * named (a conflict, a refusal, a constraint) still reaches the caller as one of this library's
 * exceptions, in one line with the database's own words, the original kept as its cause.
 */
final class PersistenceFailures {
    private PersistenceFailures() {}

    /** {@code e} as a {@link DatabaseException} saying {@code what} failed, if it is Hibernate's or JPA's. */
    static RuntimeException asDatabaseException(RuntimeException e, String what) {
        if (e instanceof DatabaseException || !(e instanceof PersistenceException)) {
            return e;
        }
        return new DatabaseException(what + ": " + reason(e), e);
    }

    /** The database's or driver's words where there are some (the deepest SQLException), in one line. */
    static String reason(Throwable e) {
        String reason = e.getMessage();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException && cause.getMessage() != null) {
                reason = cause.getMessage();
            }
        }
        return String.valueOf(reason).replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
