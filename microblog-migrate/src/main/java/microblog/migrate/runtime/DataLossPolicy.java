package microblog.migrate.runtime;

/** Whether a revision may run an operation that destroys data the database holds. */
public enum DataLossPolicy {
    /** Refuse, naming the table and what it holds; the default. */
    REFUSE,
    /** Run it, with a warning in the log ({@code --accept-data-loss}). */
    ACCEPT
}
