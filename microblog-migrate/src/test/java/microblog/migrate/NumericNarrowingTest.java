package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import microblog.migrate.testmodels.evolution.PricesV1;
import microblog.migrate.testmodels.evolution.PricesV2;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Numeric narrowed on a table with rows: fewer decimals round the values the
 * same way on every database (SQLite kept them as they were), once the loss is
 * accepted; fewer digits before the point are refused where values would not
 * fit (PostgreSQL failed half-way, MariaDB clamped them), accepted or not.
 */
class NumericNarrowingTest {
    @TempDir
    Path project;

    private Migrations migrations(TestDatabase db, List<Class<?>> models) {
        return TestMigrations.builder(project, db, models).build();
    }

    private Migrations accepting(TestDatabase db) {
        return TestMigrations.builder(project, db, List.of()).acceptDataLoss().build();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void fewerDecimalsRoundAlikeAndFewerDigitsBeforeThePointAreRefused(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            TestMigrations.init(project);
            migrations(db, PricesV1.MODELS).generate("prices").orElseThrow();
            migrations(db, List.of()).upgrade("head");
            TestSql.execute(db, "INSERT INTO price (amount) VALUES (1.25), (123.45), (99999999.99), (7)");
            migrations(db, PricesV2.MODELS).generate("one decimal").orElseThrow();

            assertThatThrownBy(() -> migrations(db, List.of()).upgrade("head"))
                    .isInstanceOf(DataLossException.class)
                    .hasMessageContaining("would change column 'price.amount' from Numeric(10, 2) to Numeric(10, 1) "
                            + "while it holds 3 values with more than 1 decimal, which are rounded");
            accepting(db).upgrade("head");
            assertThat(amounts(db)).containsExactly("1.3", "123.5", "100000000", "7");
            assertThat(migrations(db, PricesV2.MODELS).check().upToDate()).isTrue();

            assertThatThrownBy(() -> accepting(db).downgrade("-1"))
                    .as("two decimals leave eight digits before the point")
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("change column 'price.amount' from Numeric(10, 1) to Numeric(10, 2) while 1 "
                            + "value is 100000000 or more, which Numeric(10, 2) cannot hold on any database");
            assertThat(amounts(db)).as("nothing changed").containsExactly("1.3", "123.5", "100000000", "7");
            TestSql.execute(db, "DELETE FROM price WHERE amount > 1000");
            accepting(db).downgrade("-1");
            assertThat(amounts(db)).containsExactly("1.3", "123.5", "7");
        }
    }

    /** The amounts in their plain decimal form, whatever the driver reads them as. */
    private static List<String> amounts(TestDatabase db) throws SQLException {
        List<String> amounts = new ArrayList<>();
        try (Connection c = new ConnectionFactory(db.databaseUrl()).open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT amount FROM price ORDER BY id")) {
            while (rs.next()) {
                amounts.add(new BigDecimal(rs.getString(1)).stripTrailingZeros().toPlainString());
            }
        }
        return amounts;
    }
}
