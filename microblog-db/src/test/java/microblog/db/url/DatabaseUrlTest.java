package microblog.db.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    private final Path base = Path.of("/srv/blog");

    @Test
    void relativeSqlitePathResolvesAgainstTheBaseDirectory() {
        DatabaseUrl url = DatabaseUrl.parse("sqlite:///app.db", base);
        assertThat(url.kind()).isEqualTo(DatabaseKind.SQLITE);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:sqlite:/srv/blog/app.db");
        assertThat(url.sqliteDatabaseFile()).contains(Path.of("/srv/blog/app.db"));
    }

    @Test
    void fourSlashesMeanAnAbsolutePath() {
        assertThat(DatabaseUrl.parse("sqlite:////var/data/x.db", base).jdbcUrl())
                .isEqualTo("jdbc:sqlite:/var/data/x.db");
    }

    @Test
    void sqliteWithoutPathIsAnInMemoryDatabase() {
        DatabaseUrl url = DatabaseUrl.parse("sqlite://", base);
        assertThat(url.jdbcUrl()).startsWith("jdbc:sqlite:file:memdb").contains("mode=memory");
        assertThat(url.sqliteDatabaseFile()).isEmpty();
    }

    @Test
    void defaultIsAppDbInTheBaseDirectory() {
        DatabaseUrl url = DatabaseUrl.defaultSqlite(base);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:sqlite:/srv/blog/app.db");
        assertThat(url.isEmbedded()).isTrue();
    }

    @Test
    void postgresUrlKeepsCredentialsApartAndDecodesThem() {
        DatabaseUrl url =
                DatabaseUrl.parse("postgresql://ann:p%40ss%3Aword@db.example.com:5433/blog?sslmode=require", base);
        assertThat(url.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/blog?sslmode=require");
        assertThat(url.username()).isEqualTo("ann");
        assertThat(url.password()).isEqualTo("p@ss:word");
        assertThat(url.toString()).doesNotContain("p%40ss").contains("***");
    }

    @Test
    void postgresAliasesAndDriverSuffixesAreAccepted() {
        assertThat(DatabaseUrl.parse("postgres://h/db", base).jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
        assertThat(DatabaseUrl.parse("postgresql+psycopg2://h/db", base).kind()).isEqualTo(DatabaseKind.POSTGRESQL);
    }

    @Test
    void mysqlAndMariadbUseTheMariadbDriver() {
        assertThat(DatabaseUrl.parse("mysql+pymysql://root:@127.0.0.1/test", base)
                        .jdbcUrl())
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/test");
        assertThat(DatabaseUrl.parse("mariadb://u:p@h:3307/d", base).kind()).isEqualTo(DatabaseKind.MYSQL);
    }

    @Test
    void jdbcUrlsPassThrough() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?user=x", base).kind())
                .isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(DatabaseUrl.parse("jdbc:mysql://h/db", base).jdbcUrl()).isEqualTo("jdbc:mariadb://h/db");
        assertThat(DatabaseUrl.parse("jdbc:sqlite:/tmp/a.db", base).sqliteDatabaseFile())
                .contains(Path.of("/tmp/a.db"));
    }

    @Test
    void h2IsNamedByItsJdbcUrlAndIsEmbeddedUnlessOnAServer() {
        DatabaseUrl memory = DatabaseUrl.parse("jdbc:h2:mem:notes", base);
        assertThat(memory.kind()).isEqualTo(DatabaseKind.H2);
        assertThat(memory.jdbcUrl()).isEqualTo("jdbc:h2:mem:notes");
        assertThat(memory.isEmbedded()).isTrue();
        assertThat(DatabaseUrl.parse("jdbc:h2:./data/notes", base).isEmbedded()).isTrue();
        DatabaseUrl server = DatabaseUrl.parse("jdbc:h2:tcp://db.example/notes;PASSWORD=secret", base);
        assertThat(server.isEmbedded()).isFalse();
        assertThat(server.toString()).doesNotContain("secret");
    }

    @Test
    void anH2UrlThatKeepsNamesInUpperCaseOrLastsOneConnectionIsRefused() {
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:h2:./notes;DATABASE_TO_LOWER=FALSE", base))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("sets DATABASE_TO_LOWER=FALSE")
                .hasMessageContaining("remove the setting");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:h2:mem:", base))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("name it, as in jdbc:h2:mem:app");
    }

    @Test
    void badUrlsAreNamedWithTheFormsThatWork() {
        assertThatThrownBy(() -> DatabaseUrl.parse("app.db", base))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageStartingWith("database URL 'app.db' is not a database URL")
                .hasMessageContaining("sqlite:///app.db");
        assertThatThrownBy(() -> DatabaseUrl.parse("oracle://h/db", base)).hasMessageContaining("'oracle'");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h", base)).hasMessageContaining("names no database");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:oracle:thin:@h:1521/x", base))
                .hasMessageContaining("does not support")
                .hasMessageContaining("jdbc:h2:");
        assertThatThrownBy(() -> DatabaseUrl.parse(" ", base)).hasMessageContaining("empty");
    }

    @Test
    void anApplicationNamesTheSettingTheUrlCameFrom() {
        InvalidDatabaseUrlException bad =
                catchThrowableOfType(InvalidDatabaseUrlException.class, () -> DatabaseUrl.parse("app.db", base));
        assertThat(bad.namedAs("DATABASE_URL")).hasMessageStartingWith("DATABASE_URL 'app.db' is not a database URL");
    }

    @Test
    void noPasswordShowsWhateverFormCarriesIt() {
        DatabaseUrl query =
                DatabaseUrl.parse("postgresql://u@db.example/blog?password=hunter%2B2&ssl=true", Path.of("."));
        assertThat(query.toString()).doesNotContain("hunter").contains("password=***&ssl=true");
        assertThat(query.scrub("FATAL: bad password hunter+2 for u (url ...?password=hunter%2B2)"))
                .isEqualTo("FATAL: bad password *** for u (url ...?password=***)");
        DatabaseUrl userInfo = DatabaseUrl.parse("mysql://u:s3cret@db.example/blog", Path.of("."));
        assertThat(userInfo.scrub("Access denied for 'u' using s3cret")).isEqualTo("Access denied for 'u' using ***");
        DatabaseUrl jdbc = DatabaseUrl.parse("jdbc:postgresql://db.example/blog?user=u&password=pw9", Path.of("."));
        assertThat(jdbc.toString()).doesNotContain("pw9");
    }

    @Test
    void aPortThatIsNotANumberIsNamed() {
        InvalidDatabaseUrlException bad = catchThrowableOfType(
                InvalidDatabaseUrlException.class,
                () -> DatabaseUrl.parse("postgresql://u:pw@db.example:54x2/blog", base));
        assertThat(bad)
                .hasMessage("database URL 'postgresql://u:***@db.example:54x2/blog' has a port that is not a number "
                        + "('54x2'): write it as host:5432, or leave it out for the default");
    }

    @Test
    void aBadPortNamesTheDatabasesOwnDefaultAndPortZeroIsRefusedInEveryPlace() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mariadb://root@127.0.0.1:54x32/db", base))
                .hasMessageEndingWith("write it as host:3306, or leave it out for the default");
        assertThatThrownBy(() -> DatabaseUrl.parse("mariadb://root@127.0.0.1:0/db", base))
                .hasMessageContaining("has a port that is not a number from 1 to 65535 ('0')");
        assertThatThrownBy(() -> DatabaseUrl.parse("mariadb://root@127.0.0.1:3306,127.0.0.1:0/db", base))
                .hasMessageContaining("has a port that is not a number from 1 to 65535 in host 2 of 2");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@127.0.0.1:5432,127.0.0.1:00/db", base))
                .hasMessageContaining("has a port that is not a number from 1 to 65535 in host 2 of 2");
    }

    @Test
    void aPasswordNotPercentEncodedIsHiddenWholeFromTheError() {
        for (String url : List.of(
                "mysql://u:ss@Secr3t99@db.example/blog",
                "postgresql://u:a/Secr3t99@db.example/blog",
                "postgresql://u:p@ss/Secr3t99@db.example/blog")) {
            InvalidDatabaseUrlException bad =
                    catchThrowableOfType(InvalidDatabaseUrlException.class, () -> DatabaseUrl.parse(url, base));
            assertThat(bad).as(url).isNotNull();
            assertThat(bad.getMessage())
                    .as(url)
                    .doesNotContain("Secr3t99")
                    .contains("u:***@db.example")
                    .contains("must percent-encode it: %40, %2F, %3A");
        }
    }

    @Test
    void severalPostgresHostsAndTheirTargetBecomePgJdbcs() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql://u:pw@h1:5432,h2:5433/db?target_session_attrs=read-write&sslmode=require", base);
        assertThat(url.jdbcUrl())
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db?sslmode=require&targetServerType=primary");
        assertThat(url.password()).isEqualTo("pw");
        assertThat(url.toString())
                .isEqualTo(
                        "postgresql://u:***@h1:5432,h2:5433/db?target_session_attrs=read-write" + "&sslmode=require");
        assertThat(DatabaseUrl.parse("postgresql://h1,[::1]/db", base).jdbcUrl())
                .isEqualTo("jdbc:postgresql://h1:5432,[::1]:5432/db");
        for (String[] pair : new String[][] {
            {"read-only", "secondary"},
            {"any", "any"},
            {"primary", "primary"},
            {"standby", "secondary"},
            {"prefer-standby", "preferSecondary"}
        }) {
            assertThat(DatabaseUrl.parse("postgresql://h1,h2/db?target_session_attrs=" + pair[0], base)
                            .jdbcUrl())
                    .endsWith("?targetServerType=" + pair[1]);
        }
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h1,h2/db?target_session_attrs=writable", base))
                .hasMessageContaining("use any, read-write, read-only, primary, standby or prefer-standby");
    }

    @Test
    void severalMariadbHostsAreTriedInTurnUnlessLoadBalancingIsAskedFor() {
        assertThat(DatabaseUrl.parse("mariadb://u@h1,h2/db", base).jdbcUrl())
                .isEqualTo("jdbc:mariadb:sequential://h1:3306,h2:3306/db");
        assertThat(DatabaseUrl.parse("mysql://u:pw@h1:3307,h2/db?ha=loadbalance", base)
                        .jdbcUrl())
                .isEqualTo("jdbc:mariadb:loadbalance://h1:3307,h2:3306/db");
        assertThat(DatabaseUrl.parse("jdbc:mariadb:loadbalance://h1,h2/db", base)
                        .jdbcUrl())
                .isEqualTo("jdbc:mariadb:loadbalance://h1,h2/db");
        assertThat(DatabaseUrl.parse("jdbc:mysql:sequential://h1,h2/db", base).jdbcUrl())
                .isEqualTo("jdbc:mariadb:sequential://h1,h2/db");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://h1,h2/db?ha=roundrobin", base))
                .hasMessageContaining("use sequential, loadbalance, load-balance-read or replication");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:mariadb://h1,h2/db?ha=loadbalance", base))
                .hasMessageContaining("jdbc:mariadb:loadbalance://");
    }

    @Test
    void badHostListsNameTheHost() {
        assertThat(catchThrowableOfType(
                        InvalidDatabaseUrlException.class,
                        () -> DatabaseUrl.parse("postgresql://u:Secr3t99@h1,,h2/db", base)))
                .hasMessage("database URL 'postgresql://u:***@h1,,h2/db' has an empty host 2 of 3 (two commas in a "
                        + "row, or one at an end): list them as h1:5432,h2:5432");
        assertThat(catchThrowableOfType(
                        InvalidDatabaseUrlException.class,
                        () -> DatabaseUrl.parse("mysql://u:Secr3t99@h1:3306,h2:33x6/db", base)))
                .hasMessage("database URL 'mysql://u:***@h1:3306,h2:33x6/db' has a port that is not a number from 1 "
                        + "to 65535 in host 2 of 2 ('h2:33x6'): write it as host:3306, or leave it out for the "
                        + "default");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h1,h2:70000/db", base))
                .hasMessageContaining("host 2 of 2 ('h2:70000')");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h1,h_2!/db", base))
                .hasMessageContaining("host 2 of 2 'h_2!', which is not a host name");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:Secr3t99@h1,h2", base))
                .hasMessageContaining("names no database")
                .hasMessageNotContaining("Secr3t99");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:Secr3t99@h1,h2,/db", base))
                .hasMessageContaining("empty host 3 of 3")
                .hasMessageNotContaining("Secr3t99");
    }

    @Test
    void noPasswordShowsInAMultiHostUrlHoweverItIsWritten() {
        for (String url : List.of(
                "postgresql://u:Secr3t99@h1:5432,h2:5433/db",
                "postgresql://u:p@ss/Secr3t99@h1,h2/db",
                "mysql://u@h1,h2/db?password=Secr3t99&ha=loadbalance",
                "jdbc:postgresql://h1,h2/db?user=u&password=Secr3t99")) {
            DatabaseUrl parsed = DatabaseUrl.parse(url, base);
            assertThat(parsed.toString()).as(url).doesNotContain("Secr3t99");
            String sent = parsed.password() != null ? parsed.password() : "Secr3t99"; // p@ss/Secr3t99 whole
            assertThat(parsed.scrub("FATAL: password " + sent + " refused")).isEqualTo("FATAL: password *** refused");
        }
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:Secr3t99@h1,h2/db?target_session_attrs=x", base))
                .hasMessageNotContaining("Secr3t99");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:Secr3t99@h1,h2:x/db", base))
                .hasMessageNotContaining("Secr3t99");
    }

    @Test
    void pgbouncerTurnsOffServerSidePreparedStatementsAndIsKeptOnTheUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u@pooler:6432/db?pgbouncer=true&sslmode=require", base);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://pooler:6432/db?sslmode=require&prepareThreshold=0");
        assertThat(url.behindTransactionPooler()).isTrue();
        assertThat(url.withDatabase("scratch").behindTransactionPooler()).isTrue();
        DatabaseUrl jdbc = DatabaseUrl.parse("jdbc:postgresql://pooler:6432/db?pgbouncer=true", base);
        assertThat(jdbc.jdbcUrl()).isEqualTo("jdbc:postgresql://pooler:6432/db?prepareThreshold=0");
        assertThat(jdbc.behindTransactionPooler()).isTrue();
        assertThat(DatabaseUrl.parse("postgresql://h/db", base).behindTransactionPooler())
                .isFalse();
        assertThat(DatabaseUrl.parse("postgresql://h/db?pgbouncer=false", base).jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/db");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h/db?pgbouncer=true&prepareThreshold=5", base))
                .hasMessageContaining("pgbouncer=true and a prepareThreshold other than 0");
        assertThat(DatabaseUrl.parse("postgresql://h/db?pgbouncer=true&prepareThreshold=0", base)
                        .jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/db?prepareThreshold=0");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://h/db?pgbouncer=true", base))
                .hasMessageContaining("pgbouncer, which only PostgreSQL URLs take");
    }

    @Test
    void wsrepSyncWaitBecomesASessionVariable() {
        assertThat(DatabaseUrl.parse("mariadb://u@g1,g2,g3/db?wsrep_sync_wait=1", base)
                        .jdbcUrl())
                .isEqualTo("jdbc:mariadb:sequential://g1:3306,g2:3306,g3:3306/db?sessionVariables=wsrep_sync_wait=1");
        assertThat(DatabaseUrl.parse("mysql://h/db?sessionVariables=sql_mode=ANSI&wsrep_sync_wait=3", base)
                        .jdbcUrl())
                .isEqualTo("jdbc:mariadb://h:3306/db?sessionVariables=sql_mode=ANSI,wsrep_sync_wait=3");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://h/db?wsrep_sync_wait=on", base))
                .hasMessageContaining("use a number from 0 to 15");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h/db?wsrep_sync_wait=1", base))
                .hasMessageContaining("which only MySQL/MariaDB URLs take");
    }

    @Test
    void withDatabaseKeepsAFailoverMode() {
        assertThat(DatabaseUrl.parse("mariadb://h1,h2/db?ha=loadbalance", base)
                        .withDatabase("scratch")
                        .jdbcUrl())
                .isEqualTo("jdbc:mariadb:loadbalance://h1:3306,h2:3306/scratch");
    }
}
