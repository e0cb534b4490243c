package microblog.migrate.runtime;

/** Where rendered statements go: a live connection, or a SQL script (offline {@code --sql}). */
public interface SqlSink {
    void begin();

    void execute(String sql);

    /** Runs {@code statements} in order; a live connection sends them in one round trip. */
    default void executeAll(java.util.List<String> statements) {
        statements.forEach(this::execute);
    }

    /** A note for whoever reads the statements; nothing runs. */
    void comment(String text);

    void commit();

    void rollback();
}
