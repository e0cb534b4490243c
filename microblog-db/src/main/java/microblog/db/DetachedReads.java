package microblog.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import microblog.db.url.DatabaseKind;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/**
 * Where the reads that change nothing run ({@link Query#detached()}): on a replica when the
 * database has one that answers, else on the primary. Refusals that come from where the server
 * stands are reported in one line (see {@link ServerRefusals}).
 */
final class DetachedReads {
    private final SessionFactory factory;
    private final DatabaseKind kind;
    private final Replicas replicas;

    DetachedReads(SessionFactory factory, DatabaseKind kind, Replicas replicas) {
        this.factory = factory;
        this.kind = kind;
        this.replicas = replicas;
    }

    /** Runs {@code read} in a stateless session of its own, on a replica where there is one. */
    <R> R run(Function<StatelessSession, R> read) {
        Optional<Connection> replica = replicas.connection();
        if (replica.isEmpty()) {
            try (StatelessSession session = factory.openStatelessSession()) {
                return explained(() -> read.apply(session));
            }
        }
        try (Connection connection = replica.get();
                StatelessSession session = factory.openStatelessSession(connection)) {
            return explained(() -> read.apply(session));
        } catch (SQLException e) { // returning the connection to its pool
            throw new DatabaseException("cannot return a replica's connection: " + e.getMessage(), e);
        }
    }

    /** Runs {@code read}, its failures as this library's exceptions (refusals, conflicts, the rest) in one line. */
    <R> R explained(Supplier<R> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            DatabaseException refused = ServerRefusals.explain(e, kind);
            if (refused != null) {
                throw refused;
            }
            TransactionConflictException conflict = TransactionFailures.conflict(e, kind);
            throw conflict != null ? conflict : PersistenceFailures.asDatabaseException(e, "the query failed");
        }
    }
}
