package microblog.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import microblog.db.testmodels.Author;
import microblog.db.testmodels.SqliteBlog;
import microblog.db.url.DatabaseUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attempts and pauses of {@link Database#transaction}, on SQLite, with conflicts the work
 * raises itself as the drivers would, and a sleeper that only records: nothing here waits.
 */
class TransactionTest {
    @TempDir
    Path dir;

    private Database db;
    private final List<Duration> slept = new ArrayList<>();
    private RetryPolicy policy;

    @BeforeEach
    void open() throws Exception {
        DatabaseUrl url = DatabaseUrl.parse("sqlite:///blog.db", dir);
        db = SqliteBlog.open(url);
        policy = RetryPolicy.DEFAULT.with(slept::add, () -> 0.5);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** What MariaDB's driver throws for a deadlock, as Hibernate wraps it. */
    private static RuntimeException deadlock() {
        return new org.hibernate.exception.LockAcquisitionException(
                "could not execute statement",
                new SQLException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
    }

    @Test
    void aConflictRollsBackAndRunsTheWholeWorkAgainUntilItCommits() {
        AtomicInteger attempts = new AtomicInteger();
        Author added = db.transaction(policy, session -> {
            Author author = new Author("john");
            session.add(author);
            if (attempts.incrementAndGet() < 3) {
                throw deadlock();
            }
            return author;
        });
        assertThat(attempts).hasValue(3);
        assertThat(Author.query().all()).extracting(Author::getName).containsExactly("john");
        assertThat(added.getId()).isNotNull();
        assertThat(slept)
                .as("full jitter at 0.5: 5 ms, then 10 ms")
                .containsExactly(Duration.ofMillis(5), Duration.ofMillis(10));
        assertThat(db.session().hasPendingChanges()).isFalse();
    }

    @Test
    void afterTheLastAttemptTheConflictSaysHowManyWereMade() {
        AtomicInteger attempts = new AtomicInteger();
        TransactionConflictException gaveUp = catchThrowableOfType(
                TransactionConflictException.class,
                () -> db.runTransaction(policy.withAttempts(4), session -> {
                    attempts.incrementAndGet();
                    session.add(new Author("john"));
                    throw deadlock();
                }));
        assertThat(attempts).hasValue(4);
        assertThat(gaveUp.attempts()).isEqualTo(4);
        assertThat(gaveUp)
                .hasMessageStartingWith(
                        "the transaction conflicted with another on each of its 4 attempts; nothing of it"
                                + " was committed (the database aborted the transaction because it conflicted with another")
                .hasMessageContaining("SQL state 40001, error 1213: Deadlock found");
        assertThat(gaveUp.getSuppressed()).hasSize(3);
        assertThat(slept).hasSize(3);
        assertThat(Author.query().count()).isZero();
    }

    @Test
    void anyOtherFailureRollsBackAndIsThrownAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> db.runTransaction(policy, session -> {
                    attempts.incrementAndGet();
                    session.add(new Author("john"));
                    throw new IllegalArgumentException("no");
                }))
                .isInstanceOf(IllegalArgumentException.class);
        db.session().add(new Author("susan"));
        db.session().commit();
        assertThatThrownBy(() -> db.runTransaction(policy, session -> {
                    attempts.incrementAndGet();
                    session.add(new Author("susan"));
                }))
                .isInstanceOf(IntegrityViolationException.class);
        assertThat(attempts).hasValue(2);
        assertThat(slept).isEmpty();
        assertThat(Author.query().all()).extracting(Author::getName).containsExactly("susan");
    }

    @Test
    void anInterruptWhileWaitingEndsTheRetriesAndKeepsTheInterrupt() {
        RetryPolicy interrupted = policy.with(
                time -> {
                    throw new InterruptedException();
                },
                () -> 0.5);
        AtomicInteger attempts = new AtomicInteger();
        try {
            TransactionConflictException stopped = catchThrowableOfType(
                    TransactionConflictException.class,
                    () -> db.runTransaction(interrupted, session -> {
                        attempts.incrementAndGet();
                        throw deadlock();
                    }));
            assertThat(stopped.attempts()).isEqualTo(1);
            assertThat(stopped)
                    .hasMessageContaining("its only attempt; nothing of it was committed; the thread was "
                            + "interrupted while waiting to run it again");
            assertThat(stopped.getSuppressed()).hasAtLeastOneElementOfType(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(attempts).hasValue(1);
    }

    @Test
    void pendingChangesAndATransactionInsideAnotherAreRefused() {
        db.session().add(new Author("john"));
        assertThatThrownBy(() -> db.runTransaction(session -> session.add(new Author("susan"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the session has changes that are not committed");
        db.session().rollback();
        assertThatThrownBy(
                        () -> db.runTransaction(session -> db.runTransaction(inner -> inner.add(new Author("susan")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("a transaction cannot begin inside another one's work");
        assertThat(Author.query().count()).isZero();
        db.runTransaction(session -> session.add(new Author("susan")));
        assertThat(Author.query().count()).isOne();
    }

    @Test
    void aConflictMeansTheSameFromEveryDriverAndHibernateLayer() {
        var kind = microblog.db.url.DatabaseKind.POSTGRESQL;
        assertThat(TransactionFailures.conflict(new SQLException("deadlock detected", "40P01"), kind))
                .isNotNull();
        assertThat(TransactionFailures.conflict(new SQLException("could not serialize", "40001"), kind))
                .isNotNull();
        assertThat(TransactionFailures.conflict(new SQLException("lock timeout", "55P03"), kind))
                .isNull();
        var mysql = microblog.db.url.DatabaseKind.MYSQL;
        assertThat(TransactionFailures.conflict(
                        new org.hibernate.TransactionException(
                                "Unable to commit against JDBC Connection",
                                new SQLException("Deadlock: wsrep aborted transaction", "40001", 1213)),
                        mysql))
                .as("Galera's certification failure at commit")
                .isNotNull();
        assertThat(TransactionFailures.conflict(new SQLException("Lock wait timeout", "HY000", 1205), mysql))
                .as("a lock wait timeout is a busy database, not a conflict")
                .isNull();
        assertThat((Throwable)
                        TransactionFailures.connectionLost(new SQLException("terminating connection", "57P01"), kind))
                .isNotNull();
        assertThat((Throwable) TransactionFailures.connectionLost(new SQLException("closed", "08000"), mysql))
                .isNotNull();
    }
}
