package microblog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import microblog.db.DatabaseException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class OneLineErrorsTest {
    @Command(name = "fails")
    static final class Failing implements Runnable {
        private final RuntimeException failure;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public void run() {
            throw failure;
        }
    }

    @Test
    void aPreparedStatementLostToAPoolerSaysWhatToChangeWhereverItWasMet() {
        SQLException pooler = new SQLException("ERROR: prepared statement \"S_1\" already exists", "42P05");
        String err = run(new DatabaseException("cannot read the version table: " + pooler.getMessage(), pooler));
        assertThat(err)
                .isEqualTo("Error: cannot read the version table: ERROR: prepared statement \"S_1\" already exists; "
                        + "a transaction pooler (PgBouncer) stands before the server and lost the driver's prepared "
                        + "statement: remove prepareThreshold from the database URL, or add ?pgbouncer=true\n");
    }

    @Test
    void otherFailuresAreTheirMessageAlone() {
        String err =
                run(new DatabaseException("cannot read the version table: gone", new SQLException("gone", "08006")));
        assertThat(err).isEqualTo("Error: cannot read the version table: gone\n");
    }

    private static String run(RuntimeException failure) {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new Failing(failure))
                .setErr(new PrintWriter(err))
                .setExecutionExceptionHandler(new OneLineErrors("TEST_DEBUG"));
        assertThat(line.execute()).isEqualTo(1);
        return err.toString();
    }
}
