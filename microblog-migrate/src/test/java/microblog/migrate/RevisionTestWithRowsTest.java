package microblog.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import microblog.db.testing.Backend;
import microblog.db.testing.TestDatabase;
import microblog.db.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Migrations#testRevisions} with rows: revisions that pass on empty
 * tables but cannot run on tables holding rows fail it, naming the revision
 * and the step; losses a scratch database may take are accepted.
 */
class RevisionTestWithRowsTest {
    /** A table with a key, a decimal, a bounded string, an enum-like status and a plain code; no rows. */
    private static final String BASE =
            """
            revision: aaa000000001
            down_revision: null
            message: prices
            upgrade:
              - create_table:
                  name: price
                  columns:
                    - {name: id, type: Integer, primary_key: true, autoincrement: true}
                    - {name: amount, type: 'Numeric(10, 2)', nullable: false}
                    - {name: label, type: String(80), nullable: false}
                    - {name: status, type: String(10), nullable: false}
                    - {name: code, type: String(20)}
                  checks:
                    - {name: ck_price_status, column: status, values: [NEW, PAID, SHIPPED]}
              - create_table:
                  name: line
                  columns:
                    - {name: id, type: Integer, primary_key: true, autoincrement: true}
                    - {name: price_id, type: Integer, nullable: false}
                  foreign_keys:
                    - {name: fk_line_price_id_price, columns: [price_id], references: price, referred_columns: [id]}
            downgrade:
              - drop_table: {name: line}
              - drop_table: {name: price}
            """;

    @TempDir
    Path project;

    private Migrations migrations(TestDatabase db) {
        return TestMigrations.builder(project, db, List.of()).build();
    }

    /** The base revision, and {@code upgrade} and {@code downgrade} (YAML lists) as revision bbb000000002. */
    private void revisions(String message, String upgrade, String downgrade) throws Exception {
        TestMigrations.init(project);
        Path versions = project.resolve("migrations/versions");
        Files.writeString(versions.resolve("aaa000000001_prices.yaml"), BASE);
        Files.writeString(
                versions.resolve("bbb000000002_change.yaml"),
                "revision: bbb000000002\ndown_revision: aaa000000001\nmessage: " + message + "\nupgrade:\n" + upgrade
                        + "downgrade:\n" + downgrade);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNotNullColumnWithoutDefaultAddedToATableWithRowsFails(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            revisions(
                    "rank",
                    "  - add_column: {table: price, column: {name: rank, type: Integer, nullable: false}}\n",
                    "  - drop_column: {table: price, name: rank}\n");
            assertThatThrownBy(() -> migrations(db).testRevisions())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageNotContaining("\n")
                    .hasMessageContaining("upgrade of revision bbb000000002 (rank) would add column 'price.rank' "
                            + "NOT NULL with no server default to a table holding 3 rows")
                    .hasMessageEndingWith(
                            "(db test had put 3 sample rows in every table after each upgrade, as a database in production holds rows)");
            assertThat(LiveSchemas.schemaOf(db).tables())
                    .as("the configured database")
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theSameColumnWithAServerDefaultPasses(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            revisions(
                    "rank",
                    "  - add_column: {table: price, column: {name: rank, type: Integer, nullable: false, "
                            + "server_default: '0'}}\n",
                    "  - drop_column: {table: price, name: rank}\n");
            RevisionTestResult result = migrations(db).testRevisions();
            assertThat(result.revisions()).hasSize(2);
            assertThat(result.sampleRows()).isEqualTo(3);
        }
    }

    /**
     * A narrowed String passes everywhere: the values too long are cut first,
     * the loss that production accepts with --accept-data-loss too.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNarrowedStringPassesAsItsLossIsAccepted(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            revisions(
                    "shorter label",
                    "  - alter_column: {table: price, name: label, from: {type: String(80), nullable: false}, "
                            + "to: {type: String(10), nullable: false}}\n",
                    "  - alter_column: {table: price, name: label, from: {type: String(10), nullable: false}, "
                            + "to: {type: String(80), nullable: false}}\n");
            assertThat(migrations(db).testRevisions().revisions()).hasSize(2);
        }
    }

    /**
     * A Numeric given fewer digits before the point than the sample rows'
     * values need fails on every database: the engine refuses it in production
     * too, accepted or not (PostgreSQL would fail the statement, MySQL clamp
     * the values), and the rows hold the largest values Numeric(10, 2) takes.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNarrowedNumericFailsOnValuesItCannotHold(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            revisions(
                    "smaller amount",
                    "  - alter_column: {table: price, name: amount, from: {type: 'Numeric(10, 2)', nullable: false}, "
                            + "to: {type: 'Numeric(4, 1)', nullable: false}}\n",
                    "  - alter_column: {table: price, name: amount, from: {type: 'Numeric(4, 1)', nullable: false}, "
                            + "to: {type: 'Numeric(10, 2)', nullable: false}}\n");
            assertThatThrownBy(() -> migrations(db).testRevisions())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageNotContaining("\n")
                    .hasMessageContaining("upgrade of revision bbb000000002 (smaller amount) would change column "
                            + "'price.amount' from Numeric(10, 2) to Numeric(4, 1) while 3 values are 1000 or more")
                    .hasMessageContaining("sample rows");
        }
    }

    /** The widening passes; its downgrade meets values only the wider type holds, added after the upgrade. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aWideningWhoseDowngradeOverflowsFailsOnTheDowngrade(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            TestMigrations.init(project);
            Path versions = project.resolve("migrations/versions");
            Files.writeString(
                    versions.resolve("aaa000000001_rates.yaml"),
                    """
                    revision: aaa000000001
                    down_revision: null
                    message: rates
                    upgrade:
                      - create_table:
                          name: rate
                          columns:
                            - {name: id, type: Integer, primary_key: true, autoincrement: true}
                            - {name: value, type: 'Numeric(4, 1)', nullable: false}
                    downgrade:
                      - drop_table: {name: rate}
                    """);
            Files.writeString(
                    versions.resolve("bbb000000002_wider.yaml"),
                    """
                    revision: bbb000000002
                    down_revision: aaa000000001
                    message: wider
                    upgrade:
                      - alter_column: {table: rate, name: value, from: {type: 'Numeric(4, 1)', nullable: false}, to: {type: 'Numeric(10, 2)', nullable: false}}
                    downgrade:
                      - alter_column: {table: rate, name: value, from: {type: 'Numeric(10, 2)', nullable: false}, to: {type: 'Numeric(4, 1)', nullable: false}}
                    """);
            assertThatThrownBy(() -> migrations(db).testRevisions())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("downgrade of revision bbb000000002 (wider) would change column 'rate.value' "
                            + "from Numeric(10, 2) to Numeric(4, 1) while 3 values are 1000 or more");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anEnumConstantRemovedThatRowsHoldFails(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            revisions(
                    "no shipping",
                    """
                      - drop_check_constraint: {table: price, name: ck_price_status}
                      - create_check_constraint: {table: price, name: ck_price_status, column: status, values: [NEW, PAID]}
                    """,
                    """
                      - drop_check_constraint: {table: price, name: ck_price_status}
                      - create_check_constraint: {table: price, name: ck_price_status, column: status, values: [NEW, PAID, SHIPPED]}
                    """);
            assertThatThrownBy(() -> migrations(db).testRevisions())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("upgrade of revision bbb000000002 (no shipping) would create check "
                            + "constraint 'ck_price_status' while 1 row of 'price.status' holds a value outside "
                            + "[NEW, PAID]");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUniqueConstraintOverRepeatedValuesFails(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            revisions(
                    "unique code",
                    "  - create_unique_constraint: {table: price, name: uq_price_code, columns: [code]}\n",
                    "  - drop_unique_constraint: {table: price, name: uq_price_code}\n");
            assertThatThrownBy(() -> migrations(db).testRevisions())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageNotContaining("\n")
                    .hasMessageContaining("upgrade of revision bbb000000002 (unique code) failed at statement");
        }
    }
}
