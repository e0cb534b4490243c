package microblog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import microblog.db.url.DatabaseKind;
import microblog.db.url.InvalidDatabaseUrlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path base;

    @Test
    void withoutSettingsTheDatabaseIsAppDbInTheBaseDirectory() {
        Config config = Config.load(base, Map.of());
        assertThat(config.usesDefaultDatabase()).isTrue();
        assertThat(config.databaseUrl().sqliteDatabaseFile()).contains(base.resolve("app.db"));
        assertThat(config.secretKey()).isEqualTo(Config.DEVELOPMENT_SECRET_KEY);
        assertThat(config.usesDevelopmentSecretKey()).isTrue();
        assertThat(config.migrationsDirectory()).isEqualTo(base.resolve("migrations"));
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
    void anEmptyValueMeansUnset() throws Exception {
        Files.writeString(base.resolve(".env"), "DATABASE_URL=\nSECRET_KEY=\n");
        Config config = Config.load(base, Map.of("SECRET_KEY", ""));
        assertThat(config.usesDefaultDatabase()).isTrue();
        assertThat(config.usesDevelopmentSecretKey()).isTrue();
    }

    @Test
    void aBadUrlFailsOnlyWhenTheDatabaseIsNeeded() {
        Config config = Config.load(base, Map.of("DATABASE_URL", "nonsense"));
        assertThatThrownBy(config::databaseUrl).isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("'nonsense'");
    }

    @Test
    void baseDirectoryComesFromTheLauncher() {
        assertThat(Config.baseDirFrom(Map.of("MICROBLOG_HOME", base.toString()))).isEqualTo(base);
        assertThat(Config.baseDirFrom(Map.of())).isEqualTo(Path.of("").toAbsolutePath());
    }
}
