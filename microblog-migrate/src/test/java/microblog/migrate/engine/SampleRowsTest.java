package microblog.migrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
import microblog.migrate.Migrations;
import microblog.migrate.TargetDatabase;
import microblog.migrate.dialect.MigrationDialect;
import microblog.migrate.runtime.VersionTable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link SampleRows}: rows of every type, keys that refer to rows, distinct values only where a key asks. */
class SampleRowsTest {
    private static final String TABLES =
            """
            revision: ccc000000001
            down_revision: null
            message: every type
            upgrade:
              - create_table:
                  name: owner
                  columns:
                    - {name: id, type: Integer, primary_key: true, autoincrement: true}
                    - {name: handle, type: String(12), nullable: false}
                    - {name: nickname, type: String(30), nullable: false}
                    - {name: kind, type: String(8), nullable: false}
                  checks:
                    - {name: ck_owner_kind, column: kind, values: [A, B, C, D]}
              - create_index: {name: ix_owner_handle, table: owner, columns: [handle], unique: true}
              - create_table:
                  name: thing
                  columns:
                    - {name: id, type: BigInteger, primary_key: true}
                    - {name: owner_id, type: Integer, nullable: false}
                    - {name: small, type: SmallInteger, nullable: false}
                    - {name: big, type: BigInteger, nullable: false}
                    - {name: body, type: Text, nullable: false}
                    - {name: flag, type: Boolean, nullable: false}
                    - {name: created, type: DateTime, nullable: false}
                    - {name: seen, type: 'DateTime(timezone=True)', nullable: false}
                    - {name: day, type: Date, nullable: false}
                    - {name: at, type: Time, nullable: false}
                    - {name: ratio, type: Float, nullable: false}
                    - {name: weight, type: Double, nullable: false}
                    - {name: price, type: 'Numeric(6, 2)', nullable: false}
                    - {name: blob, type: LargeBinary, nullable: false}
                    - {name: token, type: Uuid, nullable: false}
                    - {name: note, type: String(5)}
                    - {name: counted, type: Integer, nullable: false, server_default: '7'}
                  unique:
                    - {name: uq_thing_token, columns: [token]}
                  foreign_keys:
                    - {name: fk_thing_owner_id_owner, columns: [owner_id], references: owner, referred_columns: [id]}
            downgrade:
              - drop_table: {name: thing}
              - drop_table: {name: owner}
            """;

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyTableGetsRowsOfEveryTypeThatKeysAndChecksAccept(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.create(backend, project)) {
            Migrations.createRepository(project.resolve("migrations"));
            Files.writeString(project.resolve("migrations/versions/ccc000000001_every_type.yaml"), TABLES);
            Migrations.builder()
                    .directory(project.resolve("migrations"))
                    .database(TargetDatabase.of(db.databaseUrl()))
                    .build()
                    .upgrade("head");
            MigrationDialect ddl = MigrationDialect.forKind(backend.kind());
            try (Connection connection = new ConnectionFactory(db.databaseUrl()).open()) {
                SampleRows rows =
                        new SampleRows(connection, ddl, new VersionTable("alembic_version", ddl).bookkeepingTables());

                assertThat(rows.addToEveryTable()).as("referred table first").containsExactly("owner", "thing");
                assertThat(rows.addToEveryTable()).containsExactly("owner", "thing");

                assertThat(strings(connection, "SELECT kind FROM owner"))
                        .as("a row for each allowed value, each time")
                        .containsExactlyInAnyOrder("A", "B", "C", "D", "A", "B", "C", "D");
                assertThat(strings(connection, "SELECT handle FROM owner"))
                        .as("distinct under a unique index, as long as the column allows")
                        .doesNotHaveDuplicates()
                        .allMatch(handle -> handle.length() == 12);
                assertThat(strings(connection, "SELECT DISTINCT nickname FROM owner"))
                        .as("the same in every row where nothing asks otherwise")
                        .hasSize(1);
                assertThat(strings(connection, "SELECT COUNT(*) FROM thing")).containsExactly("6");
                assertThat(strings(connection, "SELECT COUNT(*) FROM thing WHERE owner_id IN (SELECT id FROM owner)"))
                        .containsExactly("6");
                assertThat(strings(connection, "SELECT id FROM thing")).doesNotHaveDuplicates();
                assertThat(strings(connection, "SELECT price FROM thing"))
                        .as("as large as Numeric(6, 2) holds")
                        .allMatch(price -> price.startsWith("9999.99"));
                assertThat(strings(connection, "SELECT note FROM thing"))
                        .as("nullable columns hold values too")
                        .containsOnly("s0-xx");
                assertThat(strings(connection, "SELECT counted FROM thing"))
                        .as("a server default left to the database")
                        .containsOnly("7");
            }
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
