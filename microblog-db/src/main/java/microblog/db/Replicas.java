package microblog.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import microblog.db.jdbc.ConnectionFactory;
import microblog.db.url.DatabaseKind;
import microblog.db.url.DatabaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only pools of a database's replicas, taken in turn. A replica that gives no connection
 * is left out for a few seconds, and a read with no replica to go to runs on the primary: a
 * replica down slows no page beyond its connect timeout, and only once.
 */
final class Replicas implements AutoCloseable {
    static final Replicas NONE = new Replicas(List.of(), List.of());

    /** How long a replica that gave no connection is left out. */
    private static final long RESTING_NANOS = 5_000_000_000L;

    private static final Logger log = LoggerFactory.getLogger(Replicas.class);

    private final List<DatabaseUrl> urls;
    private final List<HikariDataSource> pools;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray restingUntil;

    private Replicas(List<DatabaseUrl> urls, List<HikariDataSource> pools) {
        this.urls = urls;
        this.pools = pools;
        this.restingUntil = new AtomicLongArray(pools.size());
    }

    /**
     * Pools for {@code urls}, which must name databases of the primary's kind. A replica that is
     * down now does not stop the application: its pool connects when it can.
     *
     * @throws DatabaseException if a replica is of another kind, or its driver is missing
     */
    static Replicas open(List<DatabaseUrl> urls, DatabaseKind primary) {
        if (urls.isEmpty()) {
            return NONE;
        }
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            for (int i = 0; i < urls.size(); i++) {
                DatabaseUrl url = urls.get(i);
                if (url.kind() != primary || url.isEmbedded()) {
                    throw new DatabaseException("the replica " + url + " is not a " + primary.displayName()
                            + " server as the primary is: a replica is a copy of the primary on another server");
                }
                ConnectionFactory connections = new ConnectionFactory(url);
                connections.requireDriver();
                HikariConfig config = Pools.config(url, connections, "microblog-db-replica-" + (i + 1));
                config.setReadOnly(true);
                config.setInitializationFailTimeout(-1);
                pools.add(new HikariDataSource(config));
            }
        } catch (RuntimeException e) {
            pools.forEach(HikariDataSource::close);
            throw e;
        }
        return new Replicas(List.copyOf(urls), List.copyOf(pools));
    }

    boolean isEmpty() {
        return pools.isEmpty();
    }

    /** The read-only data sources, in the order of their URLs. */
    List<HikariDataSource> dataSources() {
        return pools;
    }

    /** A connection to the next replica that gives one; empty when none does (or there are none). */
    Optional<Connection> connection() {
        int count = pools.size();
        int start = count == 0 ? 0 : Math.floorMod(next.getAndIncrement(), count);
        for (int k = 0; k < count; k++) {
            int i = (start + k) % count;
            if (System.nanoTime() - restingUntil.get(i) < 0) {
                continue;
            }
            try {
                return Optional.of(pools.get(i).getConnection());
            } catch (SQLException e) {
                restingUntil.set(i, System.nanoTime() + RESTING_NANOS);
                log.warn(
                        "The replica {} gave no connection; reading elsewhere for 5 s: {}",
                        urls.get(i),
                        urls.get(i).scrub(PersistenceFailures.reason(e)));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
    }
}
