package microblog.db;

import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.service.UnknownUnwrapTypeException;

/** The DataSource behind an application's Hibernate factory, for the work done outside sessions. */
final class FactoryDataSource {
    private FactoryDataSource() {}

    /**
     * @throws DatabaseException if the factory's connections come from no DataSource (Hibernate's
     *     own DriverManager connections, say)
     */
    static DataSource of(SessionFactory factory) {
        ConnectionProvider provider = factory.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry()
                .requireService(ConnectionProvider.class);
        try {
            return provider.unwrap(DataSource.class);
        } catch (UnknownUnwrapTypeException e) {
            throw new DatabaseException(
                    "the factory's connections come from " + provider.getClass().getSimpleName()
                            + ", not a DataSource: give it one (jakarta.persistence.nonJtaDataSource), or open the "
                            + "database with Database.open(dataSource, ...)");
        }
    }
}
