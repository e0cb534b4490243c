package microblog.cli.command;

import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Supplier;
import microblog.db.url.DatabaseUrl;
import microblog.migrate.TargetDatabase;

/**
 * What the migration commands need from an application: where its migrations
 * repository is, which database to work on, and (for autogenerate only) its
 * entity classes. The database and the models are suppliers so that commands
 * that need neither never pay for them.
 */
public record MigrationConfig(
        Path directory, Supplier<TargetDatabase> database, Supplier<Collection<Class<?>>> entityClasses) {

    /** The commands for the database at a URL, parsed when first needed. */
    public static MigrationConfig forUrl(
            Path directory, Supplier<DatabaseUrl> url, Supplier<Collection<Class<?>>> entityClasses) {
        return new MigrationConfig(directory, () -> TargetDatabase.of(url.get()), entityClasses);
    }

    public MigrationConfig withDirectory(Path other) {
        return new MigrationConfig(other, database, entityClasses);
    }
}
