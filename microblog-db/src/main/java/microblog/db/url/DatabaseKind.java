package microblog.db.url;

/**
 * The database products this project supports, each with the Hibernate dialect
 * that speaks to it. MySQL and MariaDB share one kind: MariaDB Connector/J talks
 * to both, and MySQL Connector/J would make Hibernate pick an unsupported dialect.
 */
public enum DatabaseKind {
    SQLITE("SQLite", "microblog.db.sqlite.SqliteDialect"),
    POSTGRESQL("PostgreSQL", "org.hibernate.dialect.PostgreSQLDialect"),
    MYSQL("MySQL/MariaDB", "org.hibernate.dialect.MariaDBDialect");

    private final String displayName;
    private final String hibernateDialect;

    DatabaseKind(String displayName, String hibernateDialect) {
        this.displayName = displayName;
        this.hibernateDialect = hibernateDialect;
    }

    public String displayName() {
        return displayName;
    }

    public String hibernateDialect() {
        return hibernateDialect;
    }

    /** Whether schema changes roll back with the transaction they ran in. */
    public boolean hasTransactionalDdl() {
        return this != MYSQL;
    }
}
