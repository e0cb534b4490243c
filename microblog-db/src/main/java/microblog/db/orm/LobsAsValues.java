package microblog.db.orm;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.jdbc.BlobJdbcType;
import org.hibernate.type.descriptor.jdbc.ClobJdbcType;

/**
 * Reads and writes {@code @Lob} fields as plain bytes and strings, on every
 * database.
 *
 * <p>The schema belongs to the migrations, which give a {@code @Lob} the
 * ordinary TEXT, BYTEA, BLOB, LONGTEXT or LONGBLOB column each database has.
 * Hibernate 7's own choice differs: on PostgreSQL it expects a large object
 * ({@code oid}) and fails to write a {@code bytea}; on SQLite it asks the
 * driver for {@code java.sql.Blob} locators, which the xerial driver does not
 * implement. Registered as a Java service so that it runs after the dialect's
 * own type contributions, which would otherwise replace it.
 */
public final class LobsAsValues implements TypeContributor {
    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        contributions.contributeJdbcType(BlobJdbcType.MATERIALIZED);
        contributions.contributeJdbcType(ClobJdbcType.MATERIALIZED);
    }
}
