package microblog.migrate.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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
