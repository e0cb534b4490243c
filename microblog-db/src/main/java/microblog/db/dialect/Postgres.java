package microblog.db.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import microblog.db.ConstraintKind;

/** PostgreSQL, through pgJDBC. */
public final class Postgres implements DatabaseDialect {
    /**
     * How long opening a connection may take, over every host of the URL and the server's answers
     * included. The connect timeout bounds the TCP connect alone, per host; without this bound the
     * driver would wait for ever on a server that accepts the connection and never answers.
     */
    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    /**
     * How long the TCP connect to one host may take (the driver's default is 10 s): a node that
     * drops packets counts as down after this, and the next host of the URL is tried.
     */
    static final int CONNECT_TIMEOUT_SECONDS = 2;

    /** Server-side prepared statements live in one server session, which a pooler does not keep. */
    @Override
    public void addPoolerSafeSettings(Properties properties) {
        properties.setProperty("prepareThreshold", "0");
    }

    /**
     * No server-side prepared statements unless the URL asks for them ({@code prepareThreshold=5},
     * pgJDBC's own default): pgJDBC prepares its COMMIT and ROLLBACK as named statements ({@code
     * S_1}, {@code S_2}) whenever the threshold is not 0, and sends the name alone afterwards,
     * without reading back which command ran. Through a transaction pooler (PgBouncer in {@code
     * pool_mode=transaction}) the name reaches a server session where another client prepared it,
     * as its ROLLBACK: the transaction is rolled back and the driver reports a commit (the cluster
     * soak lost 14, 6 and 8 acknowledged writes so). A pooler cannot be told from the server by
     * the connection, so the safe setting is the default; it costs about 25 µs a simple query
     * against PostgreSQL directly, and little on the index page's (docs/scaling-figures.md).
     */
    @Override
    public void addConnectionSettings(String jdbcUrl, Properties properties) {
        UrlParameters.setUnlessInUrl(jdbcUrl, properties, "prepareThreshold", 0);
        UrlParameters.setUnlessInUrl(jdbcUrl, properties, "loginTimeout", LOGIN_TIMEOUT_SECONDS);
        UrlParameters.setUnlessInUrl(jdbcUrl, properties, "connectTimeout", CONNECT_TIMEOUT_SECONDS);
    }

    /** pgJDBC's connectTimeout, in seconds; 0 means none, for which the pool keeps its own 30 s. */
    @Override
    public Optional<Duration> connectTimeout(String jdbcUrl) {
        return Optional.of(
                UrlParameters.timeout(jdbcUrl, "connectTimeout", CONNECT_TIMEOUT_SECONDS, ChronoUnit.SECONDS));
    }

    /** read_only_sql_transaction (25006). */
    @Override
    public boolean isReadOnlyRefusal(SQLException e) {
        return "25006".equals(e.getSQLState());
    }

    /** A standby in recovery, or a database whose transactions are read-only by default. */
    @Override
    public boolean isReadOnlyServer(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on'")) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    /**
     * What a transaction pooler does to the driver's named statements when the URL asks pgJDBC to
     * prepare them: duplicate_prepared_statement (42P05); invalid_sql_statement_name (26000)
     * naming one of the driver's statements ({@code S_2}); and protocol_violation (08P01) where
     * the name reached another client's statement of other parameters ("bind message supplies 1
     * parameters, but prepared statement "S_3" requires 0", or "insufficient data left in
     * message" when their types differ). The server refused the statement; the connection is
     * not lost, whatever class 08 says.
     */
    @Override
    public boolean isPreparedStatementLostToPooler(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return switch (e.getSQLState() == null ? "" : e.getSQLState()) {
            case "42P05" -> true;
            case "26000" -> message.matches("(?s).*prepared statement \"S_[0-9]+\".*");
            case "08P01" -> message.matches("(?s).*bind message supplies [0-9]+ parameters?, but prepared statement "
                            + "\"S_[0-9]+\" requires [0-9]+.*")
                    || message.contains("insufficient data left in message");
            default -> false;
        };
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    @Override
    public String hibernateDialect() {
        return "org.hibernate.dialect.PostgreSQLDialect";
    }

    @Override
    public Optional<String> hibernateProductName() {
        return Optional.of("PostgreSQL");
    }

    @Override
    public String driverArtifact() {
        return "org.postgresql:postgresql";
    }

    @Override
    public Set<String> jdbcSubprotocols() {
        return Set.of("postgresql");
    }

    @Override
    public boolean isProduct(String lowerCaseProductName) {
        return lowerCaseProductName.contains("postgres");
    }

    /** The current schema, so that tables of the same name in other schemas are not read as the application's. */
    @Override
    public String metadataSchema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    /**
     * A NUL character in text, which PostgreSQL's text types cannot hold: the server refuses a
     * bound value with character_not_in_repertoire (22021, {@code invalid byte sequence for
     * encoding "UTF8": 0x00}), the driver a value it writes into the SQL itself with
     * invalid_parameter_value (22023, {@code Zero bytes may not occur in string parameters}).
     */
    @Override
    public String unstorableValue(SQLException e) {
        String state = e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        boolean nul = "22021".equals(state) && message.contains("0x00")
                || "22023".equals(state) && message.contains("Zero bytes");
        return nul ? "PostgreSQL cannot store the NUL character (\\u0000) in text; remove it" : null;
    }

    /** lock_not_available (55P03). */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return "55P03".equals(e.getSQLState());
    }

    /** serialization_failure (40001) and deadlock_detected (40P01). */
    @Override
    public boolean isTransactionConflict(SQLException e) {
        return StandardSqlStates.isSerializationFailure(e) || "40P01".equals(e.getSQLState());
    }

    /**
     * Class 08, and admin_shutdown (57P01) and crash_shutdown (57P02), which the server sends as
     * it ends the connection ({@code pg_terminate_backend}, a restart).
     */
    @Override
    public boolean isConnectionLost(SQLException e) {
        return StandardSqlStates.isConnectionException(e)
                || "57P01".equals(e.getSQLState())
                || "57P02".equals(e.getSQLState());
    }

    @Override
    public ConstraintKind constraintKind(SQLException e) {
        return StandardSqlStates.constraintKind(e);
    }

    /** invalid_catalog_name (3D000). */
    @Override
    public boolean isUnknownDatabase(SQLException e) {
        return "3D000".equals(e.getSQLState());
    }

    @Override
    public String createDatabaseHint() {
        return "createdb <name>";
    }
}
