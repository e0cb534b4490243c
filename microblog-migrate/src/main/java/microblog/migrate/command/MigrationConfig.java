package microblog.migrate.command;

import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Supplier;
import microblog.db.url.DatabaseUrl;

/**
 * What the migration commands need from an application: where its migrations
 * repository is, which database to work on, and (for autogenerate only) its
 * entity classes. The URL and the models are suppliers so that commands that
 * need neither never pay for them.
 */
public record MigrationConfig(Path directory, Supplier<DatabaseUrl> databaseUrl,
                              Supplier<Collection<Class<?>>> entityClasses) {

    public MigrationConfig withDirectory(Path other) {
        return new MigrationConfig(other, databaseUrl, entityClasses);
    }
}
