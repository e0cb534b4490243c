package microblog.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a unit of work in a transaction of one session, and runs it again, after a pause, when
 * the database aborted it for a conflict with another transaction (see {@link
 * Database#transaction}).
 */
final class TransactionLoop {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private TransactionLoop() {}

    static <T> T run(DbSession session, RetryPolicy policy, UnitOfWork<T> work) {
        if (session.runsUnitOfWork()) {
            throw new IllegalStateException("a transaction cannot begin inside another one's work: its commit would "
                    + "commit the outer work halfway; call the inner work's code with the outer session instead");
        }
        if (session.hasPendingChanges()) {
            throw new IllegalStateException("the session has changes that are not committed: commit() or rollback() "
                    + "them first, or the transaction would commit them with its own, or discard them to run again");
        }
        List<TransactionConflictException> conflicts = new ArrayList<>();
        session.runsUnitOfWork(true);
        try {
            for (int attempt = 1; ; attempt++) {
                session.rollback(); // each attempt starts from an empty session, and so reads afresh
                try {
                    T result = work.run(session);
                    session.commit();
                    return result;
                } catch (RuntimeException | Error e) {
                    rollBack(session, e);
                    TransactionConflictException conflict =
                            e instanceof RuntimeException ? TransactionFailures.conflict(e, session.kind()) : null;
                    if (conflict == null) {
                        throw e;
                    }
                    conflicts.add(conflict);
                    if (attempt >= policy.maxAttempts()) {
                        throw gaveUp(conflicts, attempt, "");
                    }
                    Duration pause = policy.delayAfter(attempt);
                    log.debug(
                            "transaction attempt {} of {} conflicted with another; running it again in {} ms: {}",
                            attempt,
                            policy.maxAttempts(),
                            pause.toMillis(),
                            conflict.getMessage());
                    try {
                        policy.sleep(pause);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt(); // the caller's to act on, as after any blocking call
                        TransactionConflictException stopped = gaveUp(
                                conflicts, attempt, "; the thread was interrupted while waiting to run it again");
                        stopped.addSuppressed(interrupted);
                        throw stopped;
                    }
                }
            }
        } finally {
            session.runsUnitOfWork(false);
        }
    }

    private static void rollBack(DbSession session, Throwable failure) {
        try {
            session.rollback();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** The last conflict, saying how many attempts ended so, with the earlier ones as suppressed. */
    private static TransactionConflictException gaveUp(
            List<TransactionConflictException> conflicts, int attempts, String why) {
        TransactionConflictException last = conflicts.get(conflicts.size() - 1);
        String tries = attempts == 1 ? "its only attempt" : "each of its " + attempts + " attempts";
        TransactionConflictException report = new TransactionConflictException(
                "the transaction conflicted with another on " + tries + "; nothing of it was committed" + why + " ("
                        + last.getMessage() + ")",
                last,
                attempts);
        conflicts.subList(0, conflicts.size() - 1).forEach(report::addSuppressed);
        return report;
    }
}
