package microblog.migrate.runtime;

import java.io.PrintWriter;

/** Writes statements as a SQL script, for a DBA to review or run (offline {@code --sql}). */
public final class ScriptSink implements SqlSink {
    private final PrintWriter out;
    private final boolean transactional;

    public ScriptSink(PrintWriter out, boolean transactional) {
        this.out = out;
        this.transactional = transactional;
    }

    @Override
    public void begin() {
        if (transactional) {
            out.println("BEGIN;\n");
        }
    }

    @Override
    public void execute(String sql) {
        out.println(sql + ";\n");
    }

    @Override
    public void comment(String text) {
        out.println("-- " + text.replace("\n", "\n-- "));
    }

    @Override
    public void commit() {
        if (transactional) {
            out.println("COMMIT;\n");
        }
    }

    @Override
    public void rollback() {
        // Nothing was run.
    }
}
