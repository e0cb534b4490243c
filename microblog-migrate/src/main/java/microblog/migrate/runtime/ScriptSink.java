package microblog.migrate.runtime;

/** Writes statements as a SQL script, for a DBA to review or run (offline {@code --sql}). */
public final class ScriptSink implements SqlSink {
    private final StringBuilder script = new StringBuilder();
    private final boolean transactional;

    public ScriptSink(boolean transactional) {
        this.transactional = transactional;
    }

    /** The script written so far. */
    public String script() {
        return script.toString();
    }

    private void line(String text) {
        script.append(text).append('\n');
    }

    @Override
    public void begin() {
        if (transactional) {
            line("BEGIN;\n");
        }
    }

    @Override
    public void execute(String sql) {
        line(sql + ";\n");
    }

    @Override
    public void comment(String text) {
        line("-- " + text.replace("\n", "\n-- "));
    }

    @Override
    public void commit() {
        if (transactional) {
            line("COMMIT;\n");
        }
    }

    @Override
    public void rollback() {
        // Nothing was run.
    }
}
