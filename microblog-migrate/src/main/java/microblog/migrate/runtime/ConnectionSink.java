package microblog.migrate.runtime;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs statements on a live connection, one transaction at a time. */
public final class ConnectionSink implements SqlSink {
    private final Connection connection;

    public ConnectionSink(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void begin() {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new StatementFailedException("BEGIN", e);
        }
    }

    @Override
    public void execute(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new StatementFailedException(sql, e);
        }
    }

    /** As a batch: the revision's bookkeeping is a few short statements, each a round trip otherwise. */
    @Override
    public void executeAll(List<String> statements) {
        if (statements.size() < 2) {
            statements.forEach(this::execute);
            return;
        }
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                st.addBatch(sql);
            }
            st.executeBatch();
        } catch (BatchUpdateException e) {
            throw new StatementFailedException(statements.get(failedAt(e, statements.size())), e);
        } catch (SQLException e) {
            throw new StatementFailedException(String.join("; ", statements), e);
        }
    }

    /** The first statement that failed: drivers stop there, or go on and mark it. */
    private static int failedAt(BatchUpdateException e, int statements) {
        int[] counts = e.getUpdateCounts();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.EXECUTE_FAILED) {
                return i;
            }
        }
        return Math.min(counts.length, statements - 1);
    }

    @Override
    public void comment(String text) {
        // A live run has nobody reading along.
    }

    @Override
    public void commit() {
        try {
            connection.commit();
            connection.setAutoCommit(true); // between revisions, settings such as SQLite's pragmas apply
        } catch (SQLException e) {
            throw new StatementFailedException("COMMIT", e);
        }
    }

    @Override
    public void rollback() {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // The statement's own failure is what the user needs to see.
        }
    }
}
