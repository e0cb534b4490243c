package microblog.db.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed database URL: the JDBC URL to connect with, the credentials kept
 * apart from it, and which kind of database it is.
 *
 * <p>Accepts the forms Python users already write in DATABASE_URL
 * ({@code sqlite:///app.db}, {@code sqlite:////abs.db}, {@code sqlite://},
 * {@code postgresql://user:pw@host/db}, {@code mysql+pymysql://...},
 * {@code mariadb://...}) as well as plain {@code jdbc:} URLs (the only form H2 has). Driver suffixes
 * such as {@code +psycopg2} are accepted and ignored. A server URL may name several hosts, as
 * libpq and the MariaDB driver take them ({@code postgresql://u@h1:5432,h2:5433/db}), and a few
 * options of this project's own (see {@link ServerOptions}).
 *
 * @param jdbcUrl    the URL handed to the JDBC driver, without credentials
 * @param username   user name, or null for the driver's default
 * @param password   password, or null
 * @param kind       which database product this is
 * @param sqliteFile the database file for a file-backed SQLite URL, else null
 * @param display    the URL as users wrote it, with the password masked
 * @param behindTransactionPooler whether the URL says ({@code pgbouncer=true}) that a transaction
 *     pooler such as PgBouncer stands before the server, so that a session's state (prepared
 *     statements, session locks) does not outlive a transaction
 */
public record DatabaseUrl(
        String jdbcUrl,
        String username,
        String password,
        DatabaseKind kind,
        Path sqliteFile,
        String display,
        boolean behindTransactionPooler) {

    /** A URL with no transaction pooler before its server. */
    public DatabaseUrl(
            String jdbcUrl, String username, String password, DatabaseKind kind, Path sqliteFile, String display) {
        this(jdbcUrl, username, password, kind, sqliteFile, display, false);
    }

    /** A port after the host that is not a number, which leaves java.net.URI with no host at all. */
    private static final Pattern BAD_PORT = Pattern.compile("^(?:.*@)?\\[?[^@\\]/]*\\]?:([^@/]*[^0-9@/][^@/]*)$");

    /** One host of a list: a name or IPv4 address, or a bracketed IPv6 address, then an optional port. */
    private static final Pattern HOST_ENTRY = Pattern.compile("([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\])(?::(.*))?");

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:password|passwd|pwd)=)([^&;\\s)'\"]*)");
    private static final String FORMS =
            "use sqlite:///app.db, postgresql://user:password@host/db, mysql://user:password@host/db or a jdbc: URL";

    /**
     * Parses {@code url}; relative SQLite paths resolve against {@code baseDir}.
     *
     * @throws InvalidDatabaseUrlException naming what was wrong and the accepted forms
     */
    public static DatabaseUrl parse(String url, Path baseDir) {
        if (url == null || url.isBlank()) {
            throw new InvalidDatabaseUrlException("is empty: " + FORMS);
        }
        String trimmed = url.strip();
        if (trimmed.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return parseJdbc(trimmed);
        }
        int schemeEnd = trimmed.indexOf("://");
        if (schemeEnd < 0) {
            throw new InvalidDatabaseUrlException("'" + trimmed + "' is not a database URL: " + FORMS);
        }
        String scheme = trimmed.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String family = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
        return switch (family) {
            case "sqlite" -> parseSqlite(trimmed, trimmed.substring(schemeEnd + 3), baseDir);
            case "postgresql", "postgres", "pgsql" -> parseServer(trimmed, DatabaseKind.POSTGRESQL, "postgresql", 5432);
            case "mysql", "mariadb" -> parseServer(trimmed, DatabaseKind.MYSQL, "mariadb", 3306);
            default -> throw new InvalidDatabaseUrlException(
                    "scheme '" + scheme + "' is not supported (no driver for it): " + FORMS);
        };
    }

    /** The default database: the file {@code app.db} in {@code baseDir}. */
    public static DatabaseUrl defaultSqlite(Path baseDir) {
        return sqliteFile(baseDir.resolve("app.db").toAbsolutePath().normalize());
    }

    private static DatabaseUrl sqliteFile(Path file) {
        return new DatabaseUrl("jdbc:sqlite:" + file, null, null, DatabaseKind.SQLITE, file, "sqlite:///" + file);
    }

    private static DatabaseUrl parseSqlite(String original, String rest, Path baseDir) {
        if (rest.isEmpty() || rest.equals("/") || rest.equals("/:memory:")) {
            return inMemorySqlite();
        }
        if (!rest.startsWith("/")) {
            throw new InvalidDatabaseUrlException("'" + original
                    + "' names a host; SQLite takes a path: sqlite:///relative.db or sqlite:////absolute/path.db");
        }
        String pathPart = rest.substring(1);
        int query = pathPart.indexOf('?');
        if (query >= 0) {
            pathPart = pathPart.substring(0, query);
        }
        Path path = Path.of(pathPart);
        Path file = (path.isAbsolute() ? path : baseDir.resolve(path))
                .toAbsolutePath()
                .normalize();
        return sqliteFile(file);
    }

    private static DatabaseUrl inMemorySqlite() {
        // A named, shared-cache memory database: every pooled connection sees the
        // same data for as long as one of them stays open.
        String name = "memdb" + UUID.randomUUID().toString().replace("-", "");
        return new DatabaseUrl(
                "jdbc:sqlite:file:" + name + "?mode=memory&cache=shared",
                null,
                null,
                DatabaseKind.SQLITE,
                null,
                "sqlite://");
    }

    private static DatabaseUrl parseServer(String original, DatabaseKind kind, String jdbcScheme, int defaultPort) {
        String rest = original.substring(original.indexOf("://") + 3);
        int queryStart = rest.indexOf('?');
        String head = queryStart < 0 ? rest : rest.substring(0, queryStart);
        String afterUserInfo = head.substring(head.lastIndexOf('@') + 1);
        if (afterUserInfo.replaceFirst("/.*$", "").contains(",")) {
            return parseHosts(original, kind, jdbcScheme, defaultPort);
        }
        URI uri;
        try {
            uri = new URI(original);
        } catch (URISyntaxException e) {
            throw new InvalidDatabaseUrlException("'" + mask(original) + "' is malformed (" + e.getReason() + ")"
                    + encodingHint(original) + ": " + FORMS);
        }
        String host = uri.getHost();
        Matcher badPort = BAD_PORT.matcher(uri.getRawAuthority() == null ? "" : uri.getRawAuthority());
        if ((host == null || host.isEmpty())
                && badPort.find()
                && encodingHint(original).isEmpty()) {
            throw new InvalidDatabaseUrlException("'" + mask(original) + "' has a port that is not a number ('"
                    + badPort.group(1) + "'): write it as host:" + defaultPort + ", or leave it out for the default");
        }
        if (host == null || host.isEmpty()) {
            throw new InvalidDatabaseUrlException(
                    "'" + mask(original) + "' has no host" + encodingHint(original) + ": " + FORMS);
        }
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (database.contains("@")) { // user:p@ss/word@host/db: the host would be 'ss'
            throw new InvalidDatabaseUrlException(
                    "'" + mask(original) + "' has an '@' after its host" + encodingHint(original) + ": " + FORMS);
        }
        if (database.isEmpty()) {
            throw new InvalidDatabaseUrlException("'" + mask(original)
                    + "' names no database: add it after the host, as in " + jdbcScheme + "://host/mydb");
        }
        String username = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new InvalidDatabaseUrlException("'" + mask(original) + "' has a port that is not a number from 1 to "
                    + "65535 ('" + uri.getPort() + "'): write it as host:" + defaultPort + ", or leave it out for the "
                    + "default");
        }
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return server(
                original,
                kind,
                jdbcScheme,
                List.of(hostPart + ":" + port),
                database,
                uri.getRawQuery(),
                username,
                password);
    }

    /**
     * A URL naming several hosts, {@code h1:5432,h2:5433}, which java.net.URI does not read: split
     * by hand, each host checked and named by its place in the list when it is wrong.
     */
    private static DatabaseUrl parseHosts(String original, DatabaseKind kind, String jdbcScheme, int defaultPort) {
        String where = "'" + mask(original) + "'";
        String rest = original.substring(original.indexOf("://") + 3);
        int queryStart = rest.indexOf('?');
        String head = queryStart < 0 ? rest : rest.substring(0, queryStart);
        String rawQuery = queryStart < 0 ? null : rest.substring(queryStart + 1);
        int at = head.lastIndexOf('@');
        String userInfo = at < 0 ? null : head.substring(0, at);
        String afterUserInfo = head.substring(at + 1);
        int slash = afterUserInfo.indexOf('/');
        String hostList = slash < 0 ? afterUserInfo : afterUserInfo.substring(0, slash);
        String database = slash < 0 ? "" : afterUserInfo.substring(slash + 1);
        String[] entries = hostList.split(",", -1);
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            hosts.add(hostAndPort(entries[i].strip(), i + 1, entries.length, defaultPort, where));
        }
        if (database.isEmpty()) {
            throw new InvalidDatabaseUrlException(
                    where + " names no database: add it after the hosts, as in " + jdbcScheme + "://h1,h2/mydb");
        }
        String username = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        return server(original, kind, jdbcScheme, hosts, database, rawQuery, username, password);
    }

    /** One entry of a host list, as {@code host:port}; {@code place} counts from 1. */
    private static String hostAndPort(String entry, int place, int count, int defaultPort, String where) {
        String which = "host " + place + " of " + count;
        if (entry.isEmpty()) {
            throw new InvalidDatabaseUrlException(where + " has an empty " + which
                    + " (two commas in a row, or one at an end): list them as h1:" + defaultPort + ",h2:"
                    + defaultPort);
        }
        Matcher m = HOST_ENTRY.matcher(entry);
        if (!m.matches()) {
            throw new InvalidDatabaseUrlException(where + " has " + which + " '" + entry
                    + "', which is not a host name, an IPv4 address or a bracketed IPv6 address");
        }
        String port = m.group(2);
        if (port != null
                && (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535 || Integer.parseInt(port) == 0)) {
            throw new InvalidDatabaseUrlException(where + " has a port that is not a number from 1 to 65535 in "
                    + which + " ('" + entry + "'): write it as host:" + defaultPort + ", or leave it out for the "
                    + "default");
        }
        return m.group(1) + ":" + (port == null || port.isEmpty() ? defaultPort : Integer.parseInt(port));
    }

    private static DatabaseUrl server(
            String original,
            DatabaseKind kind,
            String jdbcScheme,
            List<String> hosts,
            String database,
            String rawQuery,
            String username,
            String password) {
        ServerOptions options = ServerOptions.read(kind, rawQuery, hosts.size(), "'" + mask(original) + "'");
        String jdbc = "jdbc:" + jdbcScheme + (options.haMode() == null ? "" : ":" + options.haMode()) + "://"
                + String.join(",", hosts) + "/" + database + (options.query().isEmpty() ? "" : "?" + options.query());
        return new DatabaseUrl(jdbc, username, password, kind, null, mask(original), options.behindTransactionPooler());
    }

    private static DatabaseUrl parseJdbc(String url) {
        String rest = url.substring(5);
        String sub = rest.contains(":") ? rest.substring(0, rest.indexOf(':')) : "";
        DatabaseKind kind = DatabaseKind.ofJdbcSubprotocol(sub)
                .orElseThrow(() -> new InvalidDatabaseUrlException("'" + maskJdbc(url)
                        + "' uses a JDBC driver this project does not support: use a " + DatabaseKind.jdbcPrefixes()
                        + " URL"));
        kind.dialect().checkUrl(url);
        return switch (kind) {
            case SQLITE -> {
                String target = rest.substring("sqlite:".length());
                boolean memory = target.isEmpty() || target.startsWith(":memory:") || target.contains("mode=memory");
                Path file = memory
                        ? null
                        : Path.of(target.replaceFirst("^file:", "").replaceFirst("\\?.*$", ""))
                                .toAbsolutePath()
                                .normalize();
                yield new DatabaseUrl(url, null, null, kind, file, url);
            }
                // MariaDB Connector/J speaks to MySQL too (see Mysql)
            case MYSQL -> jdbcServer(url.replaceFirst("(?i)^jdbc:mysql:", "jdbc:mariadb:"), url, kind);
            case POSTGRESQL -> jdbcServer(url, url, kind);
            default -> new DatabaseUrl(url, null, null, kind, null, maskJdbc(url));
        };
    }

    /** A server's jdbc: URL, with this project's own options turned into the driver's. */
    private static DatabaseUrl jdbcServer(String jdbc, String original, DatabaseKind kind) {
        int queryStart = jdbc.indexOf('?');
        String where = "'" + maskJdbc(original) + "'";
        ServerOptions options =
                ServerOptions.read(kind, queryStart < 0 ? null : jdbc.substring(queryStart + 1), 1, where);
        if (options.haMode() != null) {
            throw new InvalidDatabaseUrlException(where + " has ha=" + options.haMode()
                    + ": in a jdbc: URL, name the mode in the scheme, as in jdbc:mariadb:" + options.haMode() + "://");
        }
        String base = queryStart < 0 ? jdbc : jdbc.substring(0, queryStart);
        return new DatabaseUrl(
                base + (options.query().isEmpty() ? "" : "?" + options.query()),
                null,
                null,
                kind,
                null,
                maskJdbc(original),
                options.behindTransactionPooler());
    }

    /** Where the user info seems to hold an {@code @} of its own, how to write one. */
    private static String encodingHint(String url) {
        int scheme = url.indexOf("://");
        String rest = scheme < 0 ? url : url.substring(scheme + 3);
        int query = rest.indexOf('?');
        String head = query < 0 ? rest : rest.substring(0, query);
        int at = head.lastIndexOf('@');
        String userInfo = at < 0 ? "" : head.substring(0, at);
        return userInfo.contains("@") || userInfo.contains("/")
                ? " (a user name or password holding '@', '/' or ':' must percent-encode it: %40, %2F, %3A)"
                : "";
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * The URL with its password hidden, whether in the user info or a {@code password=} parameter.
     * The user info ends at the last {@code @} before the query: a password someone forgot to
     * percent-encode may hold {@code @} or {@code /} itself, and must not show either.
     */
    private static String mask(String url) {
        int scheme = url.indexOf("://");
        if (scheme >= 0) {
            int query = url.indexOf('?', scheme);
            int at = (query < 0 ? url : url.substring(0, query)).lastIndexOf('@');
            int colon = url.indexOf(':', scheme + 3);
            if (at > scheme && colon > 0 && colon < at) {
                url = url.substring(0, colon + 1) + "***" + url.substring(at);
            }
        }
        return maskJdbc(url);
    }

    private static String maskJdbc(String url) {
        return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    }

    /**
     * {@code text} (a driver's message, say) with every password this URL
     * carries replaced by {@code ***}, so that no output shows one.
     */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = maskJdbc(text);
        List<String> secrets = new ArrayList<>();
        if (password != null && !password.isEmpty()) {
            secrets.add(password);
        }
        Matcher m = PASSWORD_PARAMETER.matcher(jdbcUrl);
        while (m.find()) {
            secrets.add(URLDecoder.decode(m.group(2).replace("+", "%2B"), StandardCharsets.UTF_8));
            secrets.add(m.group(2));
        }
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                scrubbed = scrubbed.replace(secret, "***");
            }
        }
        return scrubbed;
    }

    /**
     * The same server and credentials with another database, such as a scratch
     * database for trying migrations; only for server databases.
     */
    public DatabaseUrl withDatabase(String database) {
        if (isEmbedded()) {
            throw new IllegalStateException("an embedded database's URL names no database on a server");
        }
        Matcher m = Pattern.compile("^(jdbc:[a-z]+(?::[a-z-]+)?://[^/?;]*)(/[^?;]*)?(.*)$")
                .matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalStateException("cannot find the database name in " + maskJdbc(jdbcUrl));
        }
        String url = m.group(1) + "/" + database + m.group(3);
        return new DatabaseUrl(url, username, password, kind, null, maskJdbc(url), behindTransactionPooler);
    }

    /** The SQLite database file, if this URL names one. */
    public Optional<Path> sqliteDatabaseFile() {
        return Optional.ofNullable(sqliteFile);
    }

    /** Whether this is an embedded database that the app may set up on its own. */
    public boolean isEmbedded() {
        return kind.dialect().isEmbedded(jdbcUrl);
    }

    @Override
    public String toString() {
        return display;
    }
}
