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
 *
 * <p>{@code databaseSetting} names the setting the user wrote the database in
 * (such as {@code DATABASE_URL}), or is null where the application chose it: a
 * SQLite file the user named that does not exist is most likely a typo, which
 * {@code current} says rather than reading it as an empty database.
 */
public record MigrationConfig(
        Path directory,
        Supplier<TargetDatabase> database,
        Supplier<Collection<Class<?>>> entityClasses,
        String databaseSetting) {

    /** A configuration whose database the application chose. */
    public MigrationConfig(
            Path directory, Supplier<TargetDatabase> database, Supplier<Collection<Class<?>>> entityClasses) {
        this(directory, database, entityClasses, null);
    }

    /** The commands for the database at a URL, parsed when first needed. */
    public static MigrationConfig forUrl(
            Path directory, Supplier<DatabaseUrl> url, Supplier<Collection<Class<?>>> entityClasses) {
        return new MigrationConfig(directory, () -> TargetDatabase.of(url.get()), entityClasses);
    }

    public MigrationConfig withDirectory(Path other) {
        return new MigrationConfig(other, database, entityClasses, databaseSetting);
    }

    /** The same, with the database written by the user in {@code setting} (null: chosen by the application). */
    public MigrationConfig withDatabaseSetting(String setting) {
        return new MigrationConfig(directory, database, entityClasses, setting);
    }
}
