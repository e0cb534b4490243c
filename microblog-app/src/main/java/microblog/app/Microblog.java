package microblog.app;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import microblog.app.models.Post;
import microblog.app.models.User;
import microblog.cli.command.MigrationConfig;
import microblog.db.Database;
import microblog.db.SessionScope;
import microblog.migrate.Migrations;
import microblog.migrate.TargetDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application: its configuration, its models and its database, which is
 * opened on first use. The shell knows it as {@code app}.
 */
public final class Microblog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Microblog.class);

    /** The entity classes, for the ORM and for autogenerate. */
    public static final List<Class<?>> MODELS = List.of(User.class, Post.class);

    private final Config config;
    private final List<Class<?>> models;
    private final SessionScope sessionScope;
    private DatabaseBoot boot;
    private volatile Database db;

    public Microblog(Config config) {
        this(config, MODELS);
    }

    /** An app that maps only {@code models}, as a project does while its models are being written. */
    public Microblog(Config config, List<Class<?>> models) {
        this(config, List.copyOf(models), SessionScope.THREAD);
    }

    private Microblog(Config config, List<Class<?>> models, SessionScope sessionScope) {
        this.config = config;
        this.models = models;
        this.sessionScope = sessionScope;
    }

    /** The same app with one session for the whole process, as an interactive shell needs. */
    public Microblog forShell() {
        return new Microblog(config, models, SessionScope.PROCESS);
    }

    /** The app configured from the process environment and the project's {@code .env}. */
    public static Microblog fromEnvironment() {
        Map<String, String> env = System.getenv();
        return new Microblog(Config.load(Config.baseDirFrom(env), env));
    }

    public Config config() {
        return config;
    }

    /**
     * The database: opened on first call, or, after {@link #openDatabaseInBackground()}, once that
     * boot ends (a caller that comes earlier waits for it; a failed boot throws its failure).
     */
    public Database db() {
        Database open = db; // every request asks: no lock once the database is open
        return open != null ? open : openOrAwait();
    }

    private synchronized Database openOrAwait() {
        if (db == null) {
            db = (boot != null
                            ? boot.await()
                            : Database.open(config.databaseUrl(), config.replicaUrls(), models, sessionScope))
                    .asDefault();
        }
        return db;
    }

    /**
     * Starts opening the database on another thread, so that Hibernate's boot (a second or more)
     * overlaps whatever the caller does next; {@link #db()} waits for it.
     */
    public synchronized void openDatabaseInBackground() {
        if (db == null && boot == null) {
            boot = new DatabaseBoot(
                    () -> Database.open(config.databaseUrl(), config.replicaUrls(), models, sessionScope));
        }
    }

    /** What the {@code db} commands need: the repository, the URL and the models, each only when asked. */
    public MigrationConfig migrationConfig() {
        return MigrationConfig.forUrl(config.migrationsDirectory(), config::databaseUrl, () -> models)
                .withDatabaseSetting(config.usesDefaultDatabase() ? null : "DATABASE_URL");
    }

    /** The migrations of this app's database through the library's API, as any application would use them. */
    public Migrations migrations() {
        return Migrations.builder()
                .directory(config.migrationsDirectory())
                .database(() -> TargetDatabase.of(config.databaseUrl()))
                .entities(() -> models)
                .build();
    }

    /**
     * Brings an embedded SQLite database up to date at start-up, so that a fresh
     * checkout runs with no other step. A server database is never migrated
     * behind the user's back.
     */
    public void prepareDatabase() {
        if (!config.databaseUrl().isEmbedded()) {
            warnIfBehind();
            return;
        }
        if (!Files.isDirectory(config.migrationsDirectory())) {
            log.warn(
                    "No migrations repository at {}: the database schema is left as it is",
                    config.migrationsDirectory());
            return;
        }
        if (config.databaseUrl().sqliteDatabaseFile().isEmpty()) {
            db(); // in memory: its pool keeps the database alive while the migrations run on their own connection
        }
        var applied = migrations().upgrade(); // each revision it runs is logged as it runs
        if (applied.moved()) {
            log.info(
                    "Applied {} pending revision(s) to the embedded database {}",
                    applied.steps().size(),
                    config.databaseUrl());
        }
    }

    private void warnIfBehind() {
        if (!Files.isDirectory(config.migrationsDirectory())) {
            return;
        }
        int behind = migrations().pending().size();
        if (behind > 0) {
            log.warn(
                    "{} is {} revision(s) behind the migrations; apply them with: ./microblog db upgrade (java -jar microblog.jar db upgrade from the jar)",
                    config.databaseUrl(),
                    behind);
        }
    }

    @Override
    public synchronized void close() {
        if (db == null && boot != null) {
            try {
                db = boot.await(); // to close what the boot opened
            } catch (RuntimeException e) {
                // nothing was opened; a failure that mattered was thrown to whoever needed the database
            }
        }
        boot = null;
        if (db != null) {
            db.close();
            db = null;
        }
    }

    @Override
    public String toString() {
        return "<Microblog 'microblog'>";
    }
}
