package microblog.db.orm;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import microblog.db.DatabaseException;
import microblog.db.url.DatabaseKind;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * The one place that says how Hibernate is configured, so that the running app
 * and the migration autogenerator see the very same mapping.
 */
public final class OrmSettings {
    private OrmSettings() {}

    /** Settings for {@code kind}; the boot never connects to read JDBC metadata. */
    public static Map<String, Object> forKind(DatabaseKind kind) {
        Map<String, Object> settings = new HashMap<>();
        // Hibernate picks its own dialects by product name, and warns when one is named outright.
        kind.dialect()
                .hibernateProductName()
                .ifPresentOrElse(
                        product -> settings.put(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, product),
                        () -> settings.put(AvailableSettings.DIALECT, kind.hibernateDialect()));
        settings.put(AvailableSettings.PHYSICAL_NAMING_STRATEGY, SnakeCaseNamingStrategy.class.getName());
        // The dialect is known from the URL: skip the boot-time connection.
        settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        // The schema belongs to the migrations, never to Hibernate.
        settings.put(AvailableSettings.HBM2DDL_AUTO, "none");
        settings.put(AvailableSettings.SHOW_SQL, "false");
        kind.dialect().addHibernateSettings(settings);
        return settings;
    }

    /**
     * Builds the mapping metadata of {@code entityClasses}; with no data source in
     * {@code settings} it needs no database at all.
     *
     * @throws DatabaseException if there are none, or one is not an entity: Hibernate would
     *     leave it out without a word, and autogenerate would then drop its table
     */
    public static Metadata buildMetadata(Map<String, Object> settings, Collection<Class<?>> entityClasses) {
        if (entityClasses.isEmpty()) {
            throw new DatabaseException("no entity classes given: list the application's @Entity classes");
        }
        for (Class<?> type : entityClasses) {
            if (!type.isAnnotationPresent(Entity.class)
                    && !type.isAnnotationPresent(Embeddable.class)
                    && !type.isAnnotationPresent(MappedSuperclass.class)) {
                throw new DatabaseException(type.getName() + " is not an entity (it has no @Entity): list only "
                        + "the application's entity classes");
            }
        }
        StandardServiceRegistry registry =
                new StandardServiceRegistryBuilder().applySettings(settings).build();
        MetadataSources sources = new MetadataSources(registry);
        entityClasses.forEach(sources::addAnnotatedClass);
        return sources.buildMetadata();
    }
}
