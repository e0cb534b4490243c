package microblog.migrate.cli;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import microblog.migrate.command.MigrationCommands;
import microblog.migrate.command.MigrationConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code db}: the migration commands on the command line, as {@code flask db}
 * has them. An application adds it to its own command line with
 * {@link #create(MigrationConfig)}.
 */
@Command(name = "db", description = "Perform database migrations.", mixinStandardHelpOptions = true,
        subcommands = {DbCommand.Init.class, DbCommand.Migrate.class, DbCommand.Upgrade.class,
                DbCommand.Downgrade.class, DbCommand.Current.class, DbCommand.History.class, DbCommand.Heads.class,
                DbCommand.Show.class, DbCommand.Stamp.class, DbCommand.Check.class, DbCommand.Test.class})
public final class DbCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The {@code db} command line, with its subcommands bound to {@code config}. */
    public static CommandLine create(MigrationConfig config) {
        return new CommandLine(DbCommand.class, new ConfigInjectingFactory(config))
                .setParameterExceptionHandler(new UsageErrors());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The {@code -d DIR} option every subcommand takes. */
    static final class DirectoryOption {
        @Option(names = {"-d", "--directory"}, paramLabel = "DIR",
                description = "Migrations repository (default: migrations/ in the project).")
        Path directory;
    }

    /** What every subcommand shares: the config, the -d option, and where output goes. */
    abstract static class Subcommand implements Runnable {
        @Mixin
        DirectoryOption directoryOption;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Spec
        CommandLine.Model.CommandSpec spec;

        private final MigrationConfig config;

        Subcommand(MigrationConfig config) {
            this.config = config;
        }

        MigrationCommands commands() {
            MigrationConfig effective = directoryOption.directory == null ? config
                    : config.withDirectory(directoryOption.directory);
            return new MigrationCommands(effective, spec.commandLine().getOut());
        }
    }

    @Command(name = "init", description = "Create a new migrations repository.")
    static final class Init extends Subcommand {
        Init(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().init();
        }
    }

    @Command(name = "migrate", description = "Autogenerate a revision from the changes in the models.")
    static final class Migrate extends Subcommand {
        @Option(names = {"-m", "--message"}, description = "Revision message.")
        String message;

        Migrate(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().migrate(message);
        }
    }

    @Command(name = "upgrade", description = "Upgrade to a later revision (default: head).")
    static final class Upgrade extends Subcommand {
        @Parameters(arity = "0..1", paramLabel = "REV",
                description = "Target: an id or prefix, head, heads, +N; with --sql also FROM:TO.")
        String revision;

        @Option(names = "--sql", description = "Print the SQL instead of running it (offline mode).")
        boolean sql;

        @Option(names = "--accept-data-loss",
                description = "Run revisions that drop tables or columns holding data, narrow a column, or make "
                        + "one NOT NULL over NULLs (refused by default).")
        boolean acceptDataLoss;

        Upgrade(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            MigrationCommands commands = commands();
            (acceptDataLoss ? commands.acceptingDataLoss() : commands).upgrade(revision, sql);
        }
    }

    @Command(name = "downgrade", description = "Revert to a previous revision (default: -1, the last one).")
    static final class Downgrade extends Subcommand {
        @Parameters(arity = "0..1", paramLabel = "REV",
                description = "Target: an id or prefix, base, -N; with --sql FROM:TO.")
        String revision;

        @Option(names = "--sql", description = "Print the SQL instead of running it (offline mode).")
        boolean sql;

        @Option(names = "--accept-data-loss",
                description = "Run revisions that drop tables or columns holding data, narrow a column, or make "
                        + "one NOT NULL over NULLs (refused by default).")
        boolean acceptDataLoss;

        Downgrade(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            MigrationCommands commands = commands();
            (acceptDataLoss ? commands.acceptingDataLoss() : commands).downgrade(revision, sql);
        }
    }

    @Command(name = "current", description = "Show the revision the database is at.")
    static final class Current extends Subcommand {
        Current(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().current();
        }
    }

    @Command(name = "history", description = "List the revisions, newest first.")
    static final class History extends Subcommand {
        History(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().history();
        }
    }

    @Command(name = "heads", description = "Show the current heads of the revision history.")
    static final class Heads extends Subcommand {
        Heads(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().heads();
        }
    }

    @Command(name = "show", description = "Show one revision.")
    static final class Show extends Subcommand {
        @Parameters(paramLabel = "REV", defaultValue = "head", description = "An id or prefix, or head.")
        String revision;

        Show(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().show(revision);
        }
    }

    @Command(name = "stamp", description = "Set the revision in the database without running migrations.")
    static final class Stamp extends Subcommand {
        @Parameters(paramLabel = "REV", description = "An id or prefix, head, heads or base.")
        String revision;

        @Option(names = "--sql", description = "Print the SQL instead of running it (offline mode).")
        boolean sql;

        Stamp(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().stamp(revision, sql);
        }
    }

    @Command(name = "check", description = "Fail if the models have changes no revision covers yet.")
    static final class Check extends Subcommand {
        Check(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().check();
        }
    }

    @Command(name = "test", description = "Try every revision on a scratch database of the configured kind: "
            + "up, down and up again, checking the schema after each step, and against the models at head.")
    static final class Test extends Subcommand {
        Test(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().test();
        }
    }

    /** Builds subcommands with the application's migration config. */
    private record ConfigInjectingFactory(MigrationConfig config) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (Subcommand.class.isAssignableFrom(type)) {
                Constructor<K> constructor = type.getDeclaredConstructor(MigrationConfig.class);
                constructor.setAccessible(true);
                return constructor.newInstance(config);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
