package microblog.db;

import com.zaxxer.hikari.HikariConfig;
import java.util.Properties;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.url.DatabaseUrl;

/** The settings of this library's connection pools, the primary's and the replicas'. */
final class Pools {
    private Pools() {}

    /**
     * A pool over {@code url} named {@code name} (as its log lines and threads are). On a server,
     * a request waits for a connection no longer than the driver's connect timeout (2 s unless the
     * URL sets {@code connectTimeout}), not the pool's 30 s, so that a page whose server is down
     * fails fast; a pooled connection is checked within half that.
     */
    static HikariConfig config(DatabaseUrl url, ConnectionFactory connections, String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url.jdbcUrl());
        Properties properties = connections.driverProperties();
        url.kind().dialect().maximumPoolSize().ifPresent(config::setMaximumPoolSize);
        url.kind().dialect().connectTimeout(url.jdbcUrl()).ifPresent(timeout -> {
            long millis = Math.max(250, timeout.toMillis()); // the pool's least
            config.setConnectionTimeout(millis);
            config.setValidationTimeout(Math.max(250, millis / 2));
        });
        config.setDataSourceProperties(properties);
        return config;
    }
}
