package microblog.db.url;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
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

    /** Whether schema changes roll back with the transaction they ran in. */
    public boolean hasTransactionalDdl() {
        return this != MYSQL;
    }
}
