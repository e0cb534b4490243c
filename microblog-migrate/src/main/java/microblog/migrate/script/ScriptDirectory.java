package microblog.migrate.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import microblog.migrate.MigrationException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A migrations repository on disk: {@code migrate.yaml} (settings), a README,
 * and {@code versions/} with one YAML file per revision.
 */
public final class ScriptDirectory {
    public static final String CONFIG_FILE = "migrate.yaml";
    public static final String DEFAULT_VERSION_TABLE = "alembic_version";

    private static final Set<String> SETTINGS =
            Set.of("version_table", "exclude_tables", "lock_timeout", "lock_lease", "transaction_per_migration");
    /** How long a command waits for another process's migration lock unless the settings say otherwise. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);
    /**
     * How long the migration lock of a process that stopped renewing it (killed, cut off) lasts:
     * long enough that a busy database's slow commit never costs a live holder its lease.
     */
    public static final Duration DEFAULT_LOCK_LEASE = Duration.ofSeconds(30);

    private static final Duration SHORTEST_LOCK_LEASE = Duration.ofSeconds(3);

    private final Path directory;
    private final String versionTable;
    private final List<String> excludedTables;
    private final Duration lockTimeout;
    private final Duration lockLease;
    private final boolean transactionPerMigration;

    private ScriptDirectory(
            Path directory,
            String versionTable,
            List<String> excludedTables,
            Duration lockTimeout,
            Duration lockLease,
            boolean transactionPerMigration) {
        this.directory = directory;
        this.versionTable = versionTable;
        this.excludedTables = List.copyOf(excludedTables);
        this.lockTimeout = lockTimeout;
        this.lockLease = lockLease;
        this.transactionPerMigration = transactionPerMigration;
    }

    /** Whether {@code directory} holds a repository {@link #open} would accept. */
    public static boolean exists(Path directory) {
        return Files.isDirectory(directory.resolve("versions")) && Files.isRegularFile(directory.resolve(CONFIG_FILE));
    }

    /**
     * Opens the repository at {@code directory}.
     *
     * @throws MigrationException if there is none, saying how to make one
     */
    public static ScriptDirectory open(Path directory) {
        Path config = directory.resolve(CONFIG_FILE);
        if (!exists(directory)) {
            throw new MigrationException("no migrations repository at " + directory
                    + ": create one first ('db init' on the command line, Migrations.createRepository in code), or "
                    + "name the directory that holds migrate.yaml (-d DIR)");
        }
        Map<?, ?> settings = readSettings(config);
        return new ScriptDirectory(
                directory,
                versionTable(config, settings),
                excludedTables(config, settings),
                lockTimeout(config, settings),
                lockLease(config, settings),
                transactionPerMigration(config, settings));
    }

    private static boolean transactionPerMigration(Path config, Map<?, ?> settings) {
        Object value = settings.get("transaction_per_migration");
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean perMigration)) {
            throw new MigrationException(config + ": transaction_per_migration must be true or false");
        }
        return perMigration;
    }

    private static Map<?, ?> readSettings(Path config) {
        Object settings;
        try {
            settings = new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(config, StandardCharsets.UTF_8));
        } catch (IOException | YamlEngineException e) {
            String hint = e.getMessage() != null && e.getMessage().contains("alias")
                    ? " (in YAML a value starting with * must be quoted, as in ['*_old'])"
                    : "";
            throw new MigrationException(
                    "cannot read " + config + ": " + e.getMessage().replace('\n', ' ') + hint, e);
        }
        if (settings == null) {
            return Map.of();
        }
        if (!(settings instanceof Map<?, ?> map)) {
            throw new MigrationException(config + ": expected settings such as 'version_table: alembic_version'");
        }
        for (Object key : map.keySet()) {
            if (!SETTINGS.contains(String.valueOf(key))) {
                throw new MigrationException(config + ": unknown setting '" + key + "': use one of "
                        + String.join(", ", SETTINGS.stream().sorted().toList()));
            }
        }
        return map;
    }

    private static String versionTable(Path config, Map<?, ?> settings) {
        if (settings.get("version_table") == null) {
            return DEFAULT_VERSION_TABLE;
        }
        String name = String.valueOf(settings.get("version_table"));
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new MigrationException(config + ": version_table '" + name + "' is not a plain table name");
        }
        return name;
    }

    private static Duration lockTimeout(Path config, Map<?, ?> settings) {
        Object value = settings.get("lock_timeout");
        if (value == null) {
            return DEFAULT_LOCK_TIMEOUT;
        }
        if (!(value instanceof Integer seconds) || seconds < 0) {
            throw new MigrationException(config + ": lock_timeout must be a number of seconds, such as 600");
        }
        return Duration.ofSeconds(seconds);
    }

    private static Duration lockLease(Path config, Map<?, ?> settings) {
        Object value = settings.get("lock_lease");
        if (value == null) {
            return DEFAULT_LOCK_LEASE;
        }
        if (!(value instanceof Integer seconds) || seconds < SHORTEST_LOCK_LEASE.toSeconds()) {
            throw new MigrationException(config + ": lock_lease must be a number of seconds, at least "
                    + SHORTEST_LOCK_LEASE.toSeconds() + ", such as 30");
        }
        return Duration.ofSeconds(seconds);
    }

    private static List<String> excludedTables(Path config, Map<?, ?> settings) {
        Object value = settings.get("exclude_tables");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            throw new MigrationException(config + ": exclude_tables must be a list of table names or patterns, "
                    + "such as [audit_log, legacy_*]");
        }
        return list.stream().map(String::valueOf).toList();
    }

    public Path directory() {
        return directory;
    }

    /**
     * Whether this repository was packaged with the application (read from its
     * jar): its revisions can be applied, never changed.
     */
    public boolean isPackaged() {
        return !directory.getFileSystem().equals(FileSystems.getDefault());
    }

    /** Refuses a change to a packaged repository, naming {@code what} would have changed it. */
    public void requireWritable(String what) {
        if (isPackaged()) {
            throw new MigrationException("cannot " + what + ": the revisions packaged in the application cannot "
                    + "change; run this in the project, where its migrations directory is");
        }
    }

    public Path versionsDirectory() {
        return directory.resolve("versions");
    }

    public String versionTable() {
        return versionTable;
    }

    /**
     * Tables autogenerate leaves alone, as names or patterns with {@code *}
     * (setting {@code exclude_tables}): another application's, or ones managed
     * by hand. Revisions may still change them with operations written by hand.
     */
    public List<String> excludedTables() {
        return excludedTables;
    }

    /** How long to wait for another process's migration lock before giving up (setting {@code lock_timeout}). */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    /**
     * How long the migration lock outlives its holder's last renewal on PostgreSQL and
     * MySQL/MariaDB (setting {@code lock_lease}): the wait after a holder is killed.
     */
    public Duration lockLease() {
        return lockLease;
    }

    /**
     * Whether each revision commits on its own (setting {@code transaction_per_migration}, Alembic's
     * name) rather than all of a command's revisions together, where DDL is transactional.
     */
    public boolean transactionPerMigration() {
        return transactionPerMigration;
    }

    /** Reads every revision file and links them into a graph. */
    public RevisionGraph graph() {
        return new RevisionGraph(
                revisionFiles().stream().map(RevisionFile::read).toList());
    }

    /** The revision files, by name, without reading them. */
    public List<Path> revisionFiles() {
        try (Stream<Path> files = Files.list(versionsDirectory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new MigrationException("cannot list " + versionsDirectory() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new random revision id: twelve hex digits, as Alembic makes them, but
     * never one that YAML would read as a number (123456789012, 1234e5678901)
     * if someone writes it unquoted in a hand-made revision.
     */
    public static String newRevisionId() {
        String id;
        do {
            byte[] bytes = new byte[6];
            RevisionIdSource.RANDOM.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (id.matches("[0-9]*e?[0-9]*"));
        return id;
    }

    /**
     * Made on first use, not with this class: seeding it reads the system's entropy source, some 8 ms
     * that every command reading the repository paid and only the commands writing a revision need.
     */
    private static final class RevisionIdSource {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    /** Where a revision with this id and message is written: {@code versions/<id>_<slug>.yaml}. */
    public Path pathFor(String id, String message) {
        return versionsDirectory().resolve(id + (message.isBlank() ? "" : "_" + slug(message)) + ".yaml");
    }

    static String slug(String message) {
        String slug =
                message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("_[^_]*$", "");
        }
        return slug;
    }
}
