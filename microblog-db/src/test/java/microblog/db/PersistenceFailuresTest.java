package microblog.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.hibernate.exception.SQLGrammarException;
import org.junit.jupiter.api.Test;

class PersistenceFailuresTest {
    @Test
    void hibernatesFailuresReachTheCallerAsTheLibrarysInTheDatabasesWords() {
        SQLException database = new SQLException("ERROR: relation \"post\" does not exist\n  Position: 15", "42P01");
        RuntimeException raw = new SQLGrammarException("JDBC exception executing SQL [select ...]", database);
        RuntimeException translated = PersistenceFailures.asDatabaseException(raw, "the query failed");
        assertThat(translated)
                .isInstanceOf(DatabaseException.class)
                .hasMessage("the query failed: ERROR: relation \"post\" does not exist Position: 15")
                .hasCause(raw);
    }

    @Test
    void theLibrarysOwnAndTheCallersOwnFailuresPassUnchanged() {
        DatabaseException own = new DatabaseException("already said");
        IllegalArgumentException callers = new IllegalArgumentException("User has no attribute 'nmae'");
        assertThat(PersistenceFailures.asDatabaseException(own, "x")).isSameAs(own);
        assertThat(PersistenceFailures.asDatabaseException(callers, "x")).isSameAs(callers);
    }
}
