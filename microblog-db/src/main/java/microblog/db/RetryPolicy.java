package microblog.db;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How often {@link Database#transaction} runs a unit of work that conflicted with another
 * transaction, and how long it waits between attempts: {@link #DEFAULT} makes 5 attempts, and
 * waits before attempt <i>n</i> + 1 a random time between 0 and 10 ms × 2<sup><i>n</i>−1</sup>,
 * at most 1 s ("full jitter", which spreads the clients that conflicted so that they do not
 * meet again). Immutable: one policy may serve every thread.
 *
 * <pre>{@code
 * db.transaction(RetryPolicy.attempts(10), session -> ...);
 * db.transaction(RetryPolicy.DEFAULT.backoff(Duration.ofMillis(50), Duration.ofSeconds(2)), session -> ...);
 * }</pre>
 */
public final class RetryPolicy {
    /** Waits a time: {@link Thread#sleep} but in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration time) throws InterruptedException;
    }

    /** 5 attempts, waiting up to 10 ms, 20 ms, 40 ms and 80 ms between them. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(
            5,
            Duration.ofMillis(10),
            Duration.ofSeconds(1),
            time -> Thread.sleep(time.toMillis(), time.toNanosPart() % 1_000_000),
            () -> ThreadLocalRandom.current().nextDouble());

    private final int maxAttempts;
    private final Duration base;
    private final Duration cap;
    private final Sleeper sleeper;
    private final DoubleSupplier random; // in [0, 1)

    private RetryPolicy(int maxAttempts, Duration base, Duration cap, Sleeper sleeper, DoubleSupplier random) {
        this.maxAttempts = maxAttempts;
        this.base = base;
        this.cap = cap;
        this.sleeper = sleeper;
        this.random = random;
    }

    /**
     * The default backoff with at most {@code maxAttempts} attempts in all; 1 runs the work once
     * and never again.
     *
     * @throws IllegalArgumentException if {@code maxAttempts} is below 1
     */
    public static RetryPolicy attempts(int maxAttempts) {
        return DEFAULT.withAttempts(maxAttempts);
    }

    /** This policy with at most {@code maxAttempts} attempts. */
    public RetryPolicy withAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a transaction needs at least 1 attempt, not " + maxAttempts);
        }
        return new RetryPolicy(maxAttempts, base, cap, sleeper, random);
    }

    /**
     * This policy waiting up to {@code base} × 2<sup><i>n</i>−1</sup> after the <i>n</i>th
     * attempt, at most {@code cap}.
     *
     * @throws IllegalArgumentException if {@code base} is not positive or {@code cap} is below it
     */
    public RetryPolicy backoff(Duration base, Duration cap) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException(
                    "the backoff needs a positive base and a cap no smaller, not " + base + " and " + cap);
        }
        return new RetryPolicy(maxAttempts, base, cap, sleeper, random);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** The longest wait after the {@code attempt}th attempt (1 for the first): base × 2^(attempt − 1), capped. */
    public Duration maxDelayAfter(int attempt) {
        int doublings = Math.min(attempt - 1, 62);
        long nanos = base.toNanos() > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : base.toNanos() << doublings;
        return Duration.ofNanos(Math.min(nanos, cap.toNanos()));
    }

    /** The wait after the {@code attempt}th attempt: a random part of {@link #maxDelayAfter}. */
    Duration delayAfter(int attempt) {
        return Duration.ofNanos(
                (long) (random.getAsDouble() * maxDelayAfter(attempt).toNanos()));
    }

    void sleep(Duration time) throws InterruptedException {
        sleeper.sleep(time);
    }

    /** This policy waiting through {@code sleeper} with {@code random} as its source of jitter: for tests. */
    RetryPolicy with(Sleeper sleeper, DoubleSupplier random) {
        return new RetryPolicy(maxAttempts, base, cap, sleeper, random);
    }

    @Override
    public String toString() {
        return "RetryPolicy[attempts=" + maxAttempts + ", backoff " + base.toMillis() + " ms doubling up to "
                + cap.toMillis() + " ms, full jitter]";
    }
}
