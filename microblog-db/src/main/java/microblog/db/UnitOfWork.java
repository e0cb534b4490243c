package microblog.db;

/**
 * The work of one transaction, as given to {@link Database#transaction}: it reads and changes
 * through {@code session} and returns what the caller needs. It may run more than once, so it
 * should do nothing but that; see {@link Database#transaction} for what it must not do.
 */
@FunctionalInterface
public interface UnitOfWork<T> {
    T run(DbSession session);

    /** A unit of work with no result, as given to {@link Database#runTransaction}. */
    @FunctionalInterface
    interface WithoutResult {
        void run(DbSession session);
    }
}
