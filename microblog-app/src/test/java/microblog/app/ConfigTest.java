package microblog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import microblog.db.url.DatabaseKind;
import microblog.db.url.InvalidDatabaseUrlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path base;

    @Test
    void withoutSettingsTheDatabaseIsAppDbInTheBaseDirectory() {
        Config config = Config.load(base, Map.of());
        assertThat(config.usesDefaultDatabase()).isTrue();
        assertThat(config.databaseUrl().sqliteDatabaseFile()).contains(base.resolve("app.db"));
        assertThat(config.usesDevelopmentSecretKey()).isTrue();
        assertThat(config.migrationsDirectory()).isEqualTo(base.resolve("migrations"));
    }

    @Test
    void withoutSecretKeyTheProjectGetsAKeyOfItsOwnThatNobodyElseKnows() throws Exception {
        String key = Config.load(base, Map.of()).secretKey();
        assertThat(key).matches("[0-9a-f]{64}").isNotEqualTo("you-will-never-guess");
        assertThat(Config.load(base, Map.of()).secretKey())
                .as("kept for the next start")
                .isEqualTo(key);
        Path file = base.resolve("instance/secret_key");
        assertThat(Files.readString(file).strip()).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Config.load(base, Map.of()).generatedSecretKeySource()).contains(file.toString());

        Path other = Files.createTempDirectory(base, "other");
        assertThat(Config.load(other, Map.of()).secretKey())
                .as("another project, another key")
                .isNotEqualTo(key);
        assertThat(Config.load(base, Map.of("SECRET_KEY", "set")).generatedSecretKeySource())
                .isNull();
    }

    @Test
    void aProjectThatCannotKeepAKeySignsWithOneForItsProcess() throws Exception {
        Files.writeString(base.resolve("instance"), "a file where the directory would go");
        Config config = Config.load(base, Map.of());
        assertThat(config.secretKey()).matches("[0-9a-f]{64}");
        assertThat(config.secretKey()).as("the same for the whole process").isEqualTo(config.secretKey());
        assertThat(config.generatedSecretKeySource()).contains("for this process only");
        assertThat(Config.load(base, Map.of()).secretKey()).isNotEqualTo(config.secretKey());
    }

    @Test
    void dotEnvFileIsReadAndTheEnvironmentWins() throws Exception {
        Files.writeString(base.resolve(".env"), "DATABASE_URL=sqlite:///from-env-file.db\nSECRET_KEY=file-secret\n");
        Config fromFile = Config.load(base, Map.of());
        assertThat(fromFile.databaseUrl().sqliteDatabaseFile()).contains(base.resolve("from-env-file.db"));
        assertThat(fromFile.secretKey()).isEqualTo("file-secret");

        Config fromEnv = Config.load(base, Map.of("DATABASE_URL", "postgresql://u:p@localhost/blog"));
        assertThat(fromEnv.databaseUrl().kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(fromEnv.secretKey()).isEqualTo("file-secret");
    }

    @Test
    void aBadDatabaseUrlIsNamedAsTheSettingItCameFrom() {
        Config config = Config.load(base, Map.of("DATABASE_URL", "app.db"));
        assertThatThrownBy(config::databaseUrl)
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageStartingWith("DATABASE_URL 'app.db' is not a database URL: use sqlite:///app.db");
    }

    @Test
    void anEmptyValueMeansUnset() throws Exception {
        Files.writeString(base.resolve(".env"), "DATABASE_URL=\nSECRET_KEY=\n");
        Config config = Config.load(base, Map.of("SECRET_KEY", ""));
        assertThat(config.usesDefaultDatabase()).isTrue();
        assertThat(config.usesDevelopmentSecretKey()).isTrue();
    }

    @Test
    void aDotEnvLineThatCannotBeReadIsAnErrorNamingTheLineNotASilentFallback() throws Exception {
        Path env = base.resolve(".env");
        Files.writeString(env, "SECRET_KEY=abc\nDATABASE_URL=\"postgresql://u@h/db\nOTHER=1\n");
        assertThatThrownBy(() -> Config.load(base, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(env + " line 2: the value of DATABASE_URL opens a quote (\") that is never closed; "
                        + "close it, as in DATABASE_URL=\"...\"");
        Files.writeString(env, "SECRET_KEY=abc\nthis is not a setting\n");
        assertThatThrownBy(() -> Config.load(base, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(env + " line 2: ")
                .hasMessageEndingWith("; write each setting as KEY=value");
        // The line is named, not repeated: it may hold a password.
        Files.writeString(env, "DATABASE_URL postgresql://u:s3cret@h/db\n");
        assertThatThrownBy(() -> Config.load(base, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(env + " line 1: Malformed entry; write each setting as KEY=value");
        Files.writeString(env, "# comment\nDATABASE_URL='sqlite:///x.db'\nSECRET_KEY=\"two\nlines\"\n");
        Config config = Config.load(base, Map.of());
        assertThat(config.databaseUrl().sqliteDatabaseFile()).contains(base.resolve("x.db"));
        assertThat(config.secretKey()).isEqualTo("two\nlines");
        Files.delete(env);
        Files.createDirectory(env);
        assertThatThrownBy(() -> Config.load(base, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("cannot read " + env + ": it is a directory, not a regular file; "
                        + "replace it with a file of KEY=value lines, or remove it");
    }

    @Test
    void exportLinesAndAByteOrderMarkAreReadAsPythonDotenvReadsThem() throws Exception {
        Path env = base.resolve(".env");
        Files.writeString(
                env, "\uFEFFexport DATABASE_URL=sqlite:///exported.db\n  export SECRET_KEY='s e'\nexport_X=1\n");
        Config config = Config.load(base, Map.of());
        assertThat(config.databaseUrl().sqliteDatabaseFile()).contains(base.resolve("exported.db"));
        assertThat(config.secretKey()).isEqualTo("s e");
        assertThat(DotEnvFile.read(base)).containsOnlyKeys("DATABASE_URL", "SECRET_KEY", "export_X");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFifoInPlaceOfTheFileIsNamedInsteadOfWaitedOn() throws Exception {
        Path env = base.resolve(".env");
        Process mkfifo =
                new ProcessBuilder("mkfifo", env.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> Config.load(base, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("cannot read " + env + ": it is a named pipe (FIFO), not a regular file; "
                        + "replace it with a file of KEY=value lines, or remove it"));
    }

    @Test
    void aBadUrlFailsOnlyWhenTheDatabaseIsNeeded() {
        Config config = Config.load(base, Map.of("DATABASE_URL", "nonsense"));
        assertThatThrownBy(config::databaseUrl)
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("'nonsense'");
    }

    @Test
    void baseDirectoryComesFromTheLauncher() {
        assertThat(Config.baseDirFrom(Map.of("MICROBLOG_HOME", base.toString())))
                .isEqualTo(base);
        assertThat(Config.baseDirFrom(Map.of())).isEqualTo(Path.of("").toAbsolutePath());
    }

    @Test
    void replicaUrlsAreSeparatedBySpacesAndMayNameSeveralHostsEach() {
        assertThat(Config.load(base, Map.of()).replicaUrls()).isEmpty();
        Config config = Config.load(
                base,
                Map.of(
                        "DATABASE_REPLICA_URL",
                        " postgresql://u:pw@r1/blog\n\tpostgresql://u:pw@r2:5433,r3/blog?target_session_attrs=standby "));
        assertThat(config.replicaUrls())
                .extracting(url -> url.jdbcUrl())
                .containsExactly(
                        "jdbc:postgresql://r1:5432/blog",
                        "jdbc:postgresql://r2:5433,r3:5432/blog?targetServerType=secondary");
        assertThat(config.replicaUrls())
                .allSatisfy(url -> assertThat(url.password()).isEqualTo("pw"));
    }

    @Test
    void replicaUrlsJoinedByCommasAreRefusedByTheSettingsName() {
        Config config = Config.load(
                base, Map.of("DATABASE_REPLICA_URL", "postgresql://u:Secr3t99@r1/blog,postgresql://r2/blog"));
        assertThatThrownBy(config::replicaUrls)
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessage("DATABASE_REPLICA_URL holds several URLs joined by commas: separate them with spaces "
                        + "(commas separate the hosts of one URL)");
        assertThatThrownBy(() -> Config.load(base, Map.of("DATABASE_REPLICA_URL", "postgresql://u:Secr3t99@r1,,r2/b"))
                        .replicaUrls())
                .hasMessageStartingWith("DATABASE_REPLICA_URL 'postgresql://u:***@r1,,r2/b' has an empty host 2 of 3")
                .hasMessageNotContaining("Secr3t99");
    }
}
