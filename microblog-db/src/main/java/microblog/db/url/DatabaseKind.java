package microblog.db.url;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import microblog.db.ConstraintKind;
import microblog.db.DatabaseException;

/**
 * The database products this project supports, each with the Hibernate dialect
 * that speaks to it. MySQL and MariaDB share one kind: MariaDB Connector/J talks
 * to both, and MySQL Connector/J would make Hibernate pick an unsupported dialect.
 */
public enum DatabaseKind {
    SQLITE("SQLite", "microblog.db.sqlite.SqliteDialect", "org.xerial:sqlite-jdbc"),
    POSTGRESQL("PostgreSQL", "org.hibernate.dialect.PostgreSQLDialect", "org.postgresql:postgresql"),
    MYSQL("MySQL/MariaDB", "org.hibernate.dialect.MariaDBDialect", "org.mariadb.jdbc:mariadb-java-client");

    private final String displayName;
    private final String hibernateDialect;
    private final String driverArtifact;

    DatabaseKind(String displayName, String hibernateDialect, String driverArtifact) {
        this.displayName = displayName;
        this.hibernateDialect = hibernateDialect;
        this.driverArtifact = driverArtifact;
    }

    /** The Maven coordinates of the JDBC driver this kind is used with; the application depends on it. */
    public String driverArtifact() {
        return driverArtifact;
    }

    public String displayName() {
        return displayName;
    }

    public String hibernateDialect() {
        return hibernateDialect;
    }

    /**
     * The kind a JDBC driver's product name ({@code DatabaseMetaData.getDatabaseProductName()})
     * stands for, as when a database is reached through an application's own DataSource.
     *
     * @throws DatabaseException naming the product, for a database not supported here
     */
    public static DatabaseKind ofProductName(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("sqlite")) {
            return SQLITE;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mysql") || name.contains("mariadb")) {
            return MYSQL;
        }
        throw new DatabaseException("the DataSource connects to " + productName + ", which is not "
                + "supported: use SQLite, PostgreSQL or MySQL/MariaDB");
    }

    /**
     * The catalog to name in JDBC metadata calls ({@code getTables} and the like) for the
     * connection's own tables: MySQL keeps a database per catalog; the others need none.
     */
    public String metadataCatalog(Connection connection) throws SQLException {
        return this == MYSQL ? connection.getCatalog() : null;
    }

    /**
     * The schema pattern for the same calls: PostgreSQL's current schema, so that tables of the
     * same name in other schemas are not read as the application's; none elsewhere.
     */
    public String metadataSchema(Connection connection) throws SQLException {
        return this == POSTGRESQL ? connection.getSchema() : null;
    }

    /**
     * Whether {@code e} says a lock wait ran out: SQLite's SQLITE_BUSY (5), PostgreSQL's
     * lock_not_available (55P03), MySQL's ER_LOCK_WAIT_TIMEOUT (1205).
     */
    public boolean isLockTimeout(SQLException e) {
        return switch (this) {
            case SQLITE -> e.getErrorCode() == 5;
            case POSTGRESQL -> "55P03".equals(e.getSQLState());
            case MYSQL -> e.getErrorCode() == 1205;
        };
    }

    /** Whether {@code e} comes from a broken constraint: SQL state class 23, or SQLite's SQLITE_CONSTRAINT (19). */
    public boolean isConstraintViolation(SQLException e) {
        String state = e.getSQLState();
        return (state != null && state.startsWith("23")) || (this == SQLITE && e.getErrorCode() == 19);
    }

    /**
     * Which kind of constraint {@code e} says was broken, from the driver alone: PostgreSQL's
     * SQL states (23505 and so on), MySQL's error codes, SQLite's message ("UNIQUE constraint
     * failed: ...", which names no constraint).
     */
    public ConstraintKind constraintKind(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage().toUpperCase(Locale.ROOT);
        int code = e.getErrorCode();
        return switch (this) {
            case POSTGRESQL -> switch (state) {
                case "23505" -> ConstraintKind.UNIQUE;
                case "23503" -> ConstraintKind.FOREIGN_KEY;
                case "23502" -> ConstraintKind.NOT_NULL;
                case "23514" -> ConstraintKind.CHECK;
                default -> ConstraintKind.OTHER;
            };
            case MYSQL -> switch (code) {
                case 1062 -> ConstraintKind.UNIQUE;
                case 1451, 1452 -> ConstraintKind.FOREIGN_KEY;
                case 1048 -> ConstraintKind.NOT_NULL;
                case 3819, 4025 -> ConstraintKind.CHECK;
                default -> ConstraintKind.OTHER;
            };
            case SQLITE -> message.contains("UNIQUE CONSTRAINT FAILED")
                    ? ConstraintKind.UNIQUE
                    : message.contains("FOREIGN KEY CONSTRAINT")
                            ? ConstraintKind.FOREIGN_KEY
                            : message.contains("NOT NULL CONSTRAINT FAILED")
                                    ? ConstraintKind.NOT_NULL
                                    : message.contains("CHECK CONSTRAINT FAILED")
                                            ? ConstraintKind.CHECK
                                            : ConstraintKind.OTHER;
        };
    }

    /** Whether schema changes roll back with the transaction they ran in. */
    public boolean hasTransactionalDdl() {
        return this != MYSQL;
    }
}
