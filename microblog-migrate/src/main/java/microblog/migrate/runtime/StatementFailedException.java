package microblog.migrate.runtime;

import java.sql.SQLException;

/** The database rejected one statement of a revision. */
public final class StatementFailedException extends RuntimeException {
    private final String sql;

    StatementFailedException(String sql, SQLException cause) {
        super(cause.getMessage(), cause);
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
