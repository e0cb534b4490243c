package microblog.migrate;

import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;
import microblog.db.url.DatabaseKind;
import microblog.db.url.DatabaseUrl;

/**
 * The database the migrations work on: which kind it is and where its
 * connections come from. Made from a URL (as the command line does) or from
 * the application's own {@link DataSource}, whose pool and settings are then
 * used as they are.
 */
public interface TargetDatabase {

    /** The database at {@code url}, reached with plain JDBC connections opened for each command. */
    static TargetDatabase of(DatabaseUrl url) {
        return new UrlTarget(url);
    }

    /**
     * The database behind {@code dataSource}; its kind is read from the first
     * connection's metadata. Connections borrowed are returned as they were.
     */
    static TargetDatabase of(DataSource dataSource) {
        return new DataSourceTarget(dataSource);
    }

    DatabaseKind kind();

    /**
     * A connection to apply revisions on. On SQLite its transactions take the
     * write lock as they begin, so that a revision never waits to upgrade a
     * read lock that another writer holds.
     */
    Connection openForWriting();

    /**
     * A connection that only reads; empty where there is no database yet (a
     * SQLite file that does not exist), which reads as an empty database.
     */
    Optional<Connection> openReadOnly();

    /** The URL, where the database was given as one: {@code db test} makes its scratch database beside it. */
    Optional<DatabaseUrl> url();
}
