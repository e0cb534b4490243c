package microblog.db.sqlite;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.service.ServiceRegistry;

/** Hibernate's community SQLite dialect, storing timestamps and instants as ISO-8601 text. */
public class SqliteDialect extends SQLiteDialect {
    @Override
    public void contributeTypes(TypeContributions contributions, ServiceRegistry registry) {
        super.contributeTypes(contributions, registry);
        contributions.contributeJdbcType(IsoTextTimestampJdbcType.INSTANCE);
        contributions.contributeJdbcType(IsoTextUtcTimestampJdbcType.INSTANCE);
    }
}
