package microblog.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import microblog.db.url.DatabaseUrl;
import microblog.db.url.InvalidDatabaseUrlException;
import microblog.migrate.ClasspathRepository;

/**
 * The application's settings, as the tutorial's {@code config.py} has them:
 * each from the environment, else from a {@code .env} file in the base
 * directory, else a fallback.
 *
 * <ul>
 *   <li>{@code DATABASE_URL}: defaults to the SQLite file {@code app.db} in the base directory.</li>
 *   <li>{@code DATABASE_REPLICA_URL}: read-only replicas of that database for the pages' reads,
 *       one URL or several separated by spaces (a URL may hold commas between its hosts).</li>
 *   <li>{@code SECRET_KEY}: defaults to a key made at random for this project and kept in
 *       {@code instance/secret_key} (see {@link LocalSecretKey}), which the log points out;
 *       {@code SECRET_KEY_FALLBACKS}: former keys, still accepted.</li>
 * </ul>
 */
public final class Config {
    /** Where the runnable jar carries the project's migrations (the build profile {@code jar}). */
    static final String PACKAGED_MIGRATIONS = "db/migrations";

    private final Path baseDir;
    private final Map<String, String> values;
    private DatabaseUrl databaseUrl;
    private List<DatabaseUrl> replicaUrls;
    private String localSecretKey;
    private boolean secretKeyKeptInProject;

    Config(Path baseDir, Map<String, String> values) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.values = Map.copyOf(values);
    }

    /**
     * Reads {@code .env} in {@code baseDir}, then lets {@code environment} override it.
     *
     * @throws ConfigException naming the file and line of a setting that cannot be read
     */
    public static Config load(Path baseDir, Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        DotEnvFile.read(baseDir).forEach((key, value) -> {
            if (!value.isEmpty()) { // an empty value means unset, as in the environment
                values.put(key, value);
            }
        });
        environment.forEach((key, value) -> {
            if (value != null && !value.isEmpty()) {
                values.put(key, value);
            }
        });
        return new Config(baseDir, values);
    }

    /**
     * The project's base directory: {@code MICROBLOG_HOME} (set by the
     * {@code ./microblog} launcher), else the working directory.
     */
    public static Path baseDirFrom(Map<String, String> environment) {
        String home = environment.get("MICROBLOG_HOME");
        return Path.of(home == null || home.isBlank() ? "" : home)
                .toAbsolutePath()
                .normalize();
    }

    public Path baseDir() {
        return baseDir;
    }

    /** Whether DATABASE_URL is unset, so the embedded default is used. */
    public boolean usesDefaultDatabase() {
        return !values.containsKey("DATABASE_URL");
    }

    /**
     * The database to use, parsed on first call (so that commands which never
     * touch the database do not fail on a bad URL) and the same from then on:
     * {@code sqlite://} names one in-memory database, not a new one per call.
     *
     * @throws InvalidDatabaseUrlException if DATABASE_URL cannot be used
     */
    public synchronized DatabaseUrl databaseUrl() {
        if (databaseUrl == null) {
            try {
                databaseUrl = usesDefaultDatabase()
                        ? DatabaseUrl.defaultSqlite(baseDir)
                        : DatabaseUrl.parse(values.get("DATABASE_URL"), baseDir);
            } catch (InvalidDatabaseUrlException e) {
                throw e.namedAs("DATABASE_URL");
            }
        }
        return databaseUrl;
    }

    /**
     * The read-only replicas of the database, from DATABASE_REPLICA_URL: URLs separated by white
     * space, not commas, which separate the hosts of one URL. Empty when it is unset.
     *
     * @throws InvalidDatabaseUrlException naming DATABASE_REPLICA_URL if a URL cannot be used
     */
    public synchronized List<DatabaseUrl> replicaUrls() {
        if (replicaUrls == null) {
            String setting = values.getOrDefault("DATABASE_REPLICA_URL", "");
            List<DatabaseUrl> urls = new ArrayList<>();
            for (String url : setting.strip().split("\\s+")) {
                if (url.isEmpty()) {
                    continue;
                }
                try {
                    if (url.indexOf("://") != url.lastIndexOf("://")) {
                        throw new InvalidDatabaseUrlException("holds several URLs joined by commas: separate them "
                                + "with spaces (commas separate the hosts of one URL)");
                    }
                    urls.add(DatabaseUrl.parse(url, baseDir));
                } catch (InvalidDatabaseUrlException e) {
                    throw e.namedAs("DATABASE_REPLICA_URL");
                }
            }
            replicaUrls = List.copyOf(urls);
        }
        return replicaUrls;
    }

    /** SECRET_KEY, else the project's own key (made on first use), else one for this process. */
    public synchronized String secretKey() {
        if (values.containsKey("SECRET_KEY")) {
            return values.get("SECRET_KEY");
        }
        if (localSecretKey == null) {
            Optional<String> kept = LocalSecretKey.of(baseDir);
            secretKeyKeptInProject = kept.isPresent();
            localSecretKey = kept.orElseGet(LocalSecretKey::ephemeral);
        }
        return localSecretKey;
    }

    /** Where the key comes from when SECRET_KEY is unset, for the log; null when it is set. */
    public synchronized String generatedSecretKeySource() {
        if (!usesDevelopmentSecretKey()) {
            return null;
        }
        secretKey();
        return secretKeyKeptInProject
                ? "a key made for this project in " + baseDir.resolve(LocalSecretKey.FILE)
                : "a key made for this process only (" + baseDir.resolve(LocalSecretKey.FILE)
                        + " cannot be written): sessions end when it stops";
    }

    /**
     * Former keys, still accepted for what they signed (SECRET_KEY_FALLBACKS,
     * comma-separated, as Flask has it), so that SECRET_KEY can be rotated
     * without signing everybody out.
     */
    public List<String> secretKeyFallbacks() {
        String fallbacks = values.get("SECRET_KEY_FALLBACKS");
        return fallbacks == null
                ? List.of()
                : Arrays.stream(fallbacks.split(","))
                        .map(String::strip)
                        .filter(key -> !key.isEmpty())
                        .toList();
    }

    public boolean usesDevelopmentSecretKey() {
        return !values.containsKey("SECRET_KEY");
    }

    /**
     * The migrations repository: the project's {@code migrations/} directory; where there is
     * none, as when the app runs from its jar ({@code java -jar microblog.jar}), the revisions
     * packaged in it under {@value #PACKAGED_MIGRATIONS}, which can be applied but not changed.
     */
    public Path migrationsDirectory() {
        Path project = baseDir.resolve("migrations");
        if (Files.isDirectory(project)) {
            return project;
        }
        return ClasspathRepository.find(PACKAGED_MIGRATIONS, Config.class.getClassLoader())
                .orElse(project);
    }
}
