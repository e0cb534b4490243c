package microblog.db.testmodels;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import microblog.db.Database;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.url.DatabaseUrl;

/** A SQLite database with the tables of {@link Author} and {@link BlogEntry}, opened as the default. */
public final class SqliteBlog {
    private SqliteBlog() {}

    public static Database open(DatabaseUrl url) throws SQLException {
        try (Connection c = new ConnectionFactory(url).open();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE author (id INTEGER NOT NULL, name VARCHAR(64), PRIMARY KEY (id), UNIQUE (name))");
            st.execute("CREATE TABLE blog_entry (id INTEGER NOT NULL, title VARCHAR(255), written_at DATETIME, "
                    + "author_id INTEGER, PRIMARY KEY (id), FOREIGN KEY (author_id) REFERENCES author (id))");
        }
        return Database.open(url, List.of(Author.class, BlogEntry.class)).asDefault();
    }
}
