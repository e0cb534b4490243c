package microblog.db;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import microblog.db.url.DatabaseKind;
import org.hibernate.StaleStateException;

/**
 * Reads whether a failed statement, flush or commit was a conflict with another transaction, or
 * lost the connection, from the driver's error codes as each database's dialect knows them.
 * Hibernate's own names for these ({@code LockAcquisitionException}, {@code
 * PessimisticLockException}, "Unable to commit") depend on its dialect and on where the error
 * came; the driver's error beneath them does not.
 */
final class TransactionFailures {
    private TransactionFailures() {}

    /**
     * The conflict {@code e} stands for, or null: the database aborted the transaction (a
     * deadlock, a serialization failure), or a versioned row was changed by another transaction
     * since it was read (Hibernate's optimistic locking).
     */
    static TransactionConflictException conflict(Throwable e, DatabaseKind kind) {
        if (e instanceof TransactionConflictException already) {
            return already;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && kind.isTransactionConflict(sql)) {
                return new TransactionConflictException(
                        "the database aborted the transaction because it conflicted with another; nothing of it was "
                                + "committed, and running it again usually succeeds (" + firstLine(sql) + ")",
                        e);
            }
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                return new TransactionConflictException(
                        "a row was changed or deleted by another transaction since it was read; nothing was "
                                + "committed, and running the work again from its reads usually succeeds ("
                                + firstLine(cause.getMessage()) + ")",
                        e);
            }
        }
        return null;
    }

    /** The driver's error if {@code e} says the connection was lost, else null. */
    static SQLException connectionLost(Throwable e, DatabaseKind kind) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && kind.isConnectionLost(sql)) {
                return sql;
            }
        }
        return null;
    }

    /** The failure to report for a commit whose COMMIT failed with {@code lost}. */
    static CommitOutcomeUnknownException outcomeUnknown(Throwable e, SQLException lost) {
        return new CommitOutcomeUnknownException(
                "the connection to the database was lost during the commit, so the transaction may or may not "
                        + "have been stored; it is not run again automatically, since that could write it twice: "
                        + "check the database, or run it again only if it is idempotent (" + firstLine(lost) + ")",
                e);
    }

    private static String firstLine(SQLException e) {
        String state = e.getSQLState() == null ? "" : "SQL state " + e.getSQLState() + ", ";
        return state + "error " + e.getErrorCode() + ": " + firstLine(e.getMessage());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
