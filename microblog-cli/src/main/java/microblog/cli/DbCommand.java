package microblog.cli;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import microblog.cli.command.MigrationCommands;
import microblog.cli.command.MigrationConfig;
import microblog.migrate.MigrationException;
import microblog.migrate.engine.NewRevision;
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
@Command(name = "db", description = "Perform database migrations.", mixinStandardHelpOptions = true)
public final class DbCommand implements Runnable {
    /** The subcommands, in the order {@code db --help} lists them. */
    private static final List<Class<? extends Subcommand>> SUBCOMMANDS = List.of(
            Init.class,
            Revision.class,
            Migrate.class,
            Merge.class,
            Upgrade.class,
            Downgrade.class,
            Current.class,
            History.class,
            Heads.class,
            Branches.class,
            Show.class,
            Stamp.class,
            Check.class,
            Test.class,
            Repair.class,
            Edit.class,
            Diagram.class);

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The {@code db} command line, with its subcommands bound to {@code config}. */
    public static CommandLine create(MigrationConfig config) {
        return create(config, null);
    }

    /**
     * The same, wired for one invocation: when {@code subcommand} names one, only that one is
     * built, since reading every subcommand's options is a good part of a short command's
     * start-up; otherwise all, for the help and for suggestions after a typo.
     */
    public static CommandLine create(MigrationConfig config, String subcommand) {
        ConfigInjectingFactory factory = new ConfigInjectingFactory(config);
        boolean known = SUBCOMMANDS.stream().anyMatch(type -> nameOf(type).equals(subcommand));
        CommandLine db = new CommandLine(new DbCommand(), factory);
        for (Class<? extends Subcommand> type : SUBCOMMANDS) {
            if (!known || nameOf(type).equals(subcommand)) {
                db.addSubcommand(nameOf(type), new CommandLine(factory.create(type), factory));
            }
        }
        return db.setParameterExceptionHandler(new UsageErrors());
    }

    private static String nameOf(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static final String SQL_WITH_AUTOGENERATE = "--sql cannot be used with autogenerate: it compares the "
            + "models with the live database; write the revision, then print its SQL with 'db upgrade --sql'";

    /** The {@code -d DIR} option every subcommand takes. */
    static final class DirectoryOption {
        @Option(
                names = {"-d", "--directory"},
                paramLabel = "DIR",
                description = "Migrations repository (default: migrations/ in the project).")
        Path directory;
    }

    /** What the commands that run revisions share: consent to lose data, and a tag to record. */
    static final class RunOptions {
        @Option(
                names = "--accept-data-loss",
                description = "Run revisions that drop tables or columns holding data, narrow a column, or make "
                        + "one NOT NULL over NULLs (refused by default).")
        boolean acceptDataLoss;

        @Mixin
        TagOption tagOption;

        MigrationCommands applyTo(MigrationCommands commands) {
            MigrationCommands tagged = commands.tagged(tagOption.tag);
            return acceptDataLoss ? tagged.acceptingDataLoss() : tagged;
        }
    }

    /** {@code --tag}: Alembic hands it to env.py; here it is recorded with the revisions applied. */
    static final class TagOption {
        @Option(
                names = "--tag",
                paramLabel = "TAG",
                description = "A name to record with each revision applied (a release, say): 'current -v' shows it.")
        String tag;
    }

    /** What every subcommand shares: the config, the -d option, and where output goes. */
    abstract static class Subcommand implements Runnable {
        @Mixin
        DirectoryOption directoryOption;

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "Show this help and exit.")
        boolean help;

        @Spec
        CommandLine.Model.CommandSpec spec;

        private final MigrationConfig config;

        Subcommand(MigrationConfig config) {
            this.config = config;
        }

        MigrationCommands commands() {
            MigrationConfig effective =
                    directoryOption.directory == null ? config : config.withDirectory(directoryOption.directory);
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
        @Option(
                names = {"-m", "--message"},
                description = "Revision message.")
        String message;

        @Option(names = "--rev-id", paramLabel = "ID", description = "The new revision's id, instead of a random one.")
        String revId;

        @Option(
                names = "--branch-label",
                paramLabel = "LABEL",
                description = "A name for the branch the new revision starts, for targets such as LABEL@head.")
        String branchLabel;

        @Option(names = "--sql", description = "Refused, as Alembic refuses it: autogenerate reads the database.")
        boolean sql;

        @Option(
                names = "--head",
                paramLabel = "REV",
                description = "The revision to build on, where the database must stand (default: all heads).")
        String head;

        @Option(names = "--splice", description = "Allow --head to name a revision that is not a head (a new branch).")
        boolean splice;

        Migrate(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            if (sql) {
                throw new MigrationException(SQL_WITH_AUTOGENERATE);
            }
            commands()
                    .migrate(NewRevision.withMessage(message)
                            .withRevId(revId)
                            .withBranchLabel(branchLabel)
                            .on(head, splice));
        }
    }

    @Command(name = "revision", description = "Create a new revision file: empty, or autogenerated as by migrate.")
    static final class Revision extends Subcommand {
        @Option(
                names = {"-m", "--message"},
                description = "Revision message.")
        String message;

        @Option(names = "--autogenerate", description = "Fill it from the changes in the models (as 'db migrate').")
        boolean autogenerate;

        @Option(names = "--head", paramLabel = "REV", description = "The revision to build on (default: the head).")
        String head;

        @Option(names = "--splice", description = "Allow --head to name a revision that is not a head (a new branch).")
        boolean splice;

        @Option(names = "--rev-id", paramLabel = "ID", description = "The new revision's id, instead of a random one.")
        String revId;

        @Option(
                names = "--branch-label",
                paramLabel = "LABEL",
                description = "A name for the branch the new revision starts (often with --head base), for targets "
                        + "such as LABEL@head.")
        String branchLabel;

        @Option(
                names = "--sql",
                description = "Never connect to the database (a plain revision never does; "
                        + "refused with --autogenerate, which reads it).")
        boolean sql;

        Revision(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            if (autogenerate && sql) {
                throw new MigrationException(SQL_WITH_AUTOGENERATE);
            }
            NewRevision revision = NewRevision.withMessage(message)
                    .withRevId(revId)
                    .withBranchLabel(branchLabel)
                    .on(head, splice);
            if (autogenerate) {
                commands().migrate(revision);
            } else {
                commands().revision(revision);
            }
        }
    }

    @Command(name = "merge", description = "Merge two or more heads into one revision.")
    static final class Merge extends Subcommand {
        @Parameters(arity = "0..*", paramLabel = "REV", description = "The revisions to merge (default: heads).")
        List<String> revisions = new ArrayList<>();

        @Option(
                names = {"-m", "--message"},
                description = "Revision message.")
        String message;

        @Option(names = "--rev-id", paramLabel = "ID", description = "The new revision's id, instead of a random one.")
        String revId;

        @Option(names = "--branch-label", paramLabel = "LABEL", description = "A name for the branch the merge starts.")
        String branchLabel;

        Merge(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands()
                    .merge(
                            revisions,
                            NewRevision.withMessage(message).withRevId(revId).withBranchLabel(branchLabel));
        }
    }

    @Command(name = "upgrade", description = "Upgrade to a later revision (default: head).")
    static final class Upgrade extends Subcommand {
        @Parameters(
                arity = "0..1",
                paramLabel = "REV",
                description =
                        "Target: an id or prefix, head, heads, +N, a branch label, LABEL@head; with --sql also FROM:TO.")
        String revision;

        @Option(names = "--sql", description = "Print the SQL instead of running it (offline mode).")
        boolean sql;

        @Mixin
        RunOptions runOptions;

        Upgrade(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            MigrationCommands commands = runOptions.applyTo(commands());
            if (sql) {
                commands.upgradeSql(revision);
            } else {
                commands.upgrade(revision);
            }
        }
    }

    @Command(name = "downgrade", description = "Revert to a previous revision (default: -1, the last one).")
    static final class Downgrade extends Subcommand {
        @Parameters(
                arity = "0..1",
                paramLabel = "REV",
                description = "Target: an id or prefix, base, -N, LABEL@base; with --sql FROM:TO.")
        String revision;

        @Option(names = "--sql", description = "Print the SQL instead of running it (offline mode).")
        boolean sql;

        @Mixin
        RunOptions runOptions;

        Downgrade(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            MigrationCommands commands = runOptions.applyTo(commands());
            if (sql) {
                commands.downgradeSql(revision);
            } else {
                commands.downgrade(revision);
            }
        }
    }

    @Command(name = "current", description = "Show the revision the database is at.")
    static final class Current extends Subcommand {
        @Option(
                names = {"-v", "--verbose"},
                description = "With each revision's details and when it was applied.")
        boolean verbose;

        Current(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().current(verbose);
        }
    }

    @Command(name = "history", description = "List the revisions, newest first.")
    static final class History extends Subcommand {
        @Option(
                names = {"-v", "--verbose"},
                description = "With each revision's details.")
        boolean verbose;

        @Option(
                names = {"-i", "--indicate-current"},
                description = "Mark the revisions the database is at (with -v: when each was applied).")
        boolean indicateCurrent;

        @Option(
                names = {"-r", "--rev-range"},
                paramLabel = "FROM:TO",
                description = "Only these revisions, such as base:head or 21d81fd5534f: (either side may be empty).")
        String range;

        History(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().history(verbose, indicateCurrent, range);
        }
    }

    @Command(name = "heads", description = "Show the current heads of the revision history.")
    static final class Heads extends Subcommand {
        @Option(
                names = {"-v", "--verbose"},
                description = "With each head's details.")
        boolean verbose;

        Heads(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().heads(verbose);
        }
    }

    @Command(name = "edit", description = "Open a revision (default: the head) in $EDITOR, and check it afterwards.")
    static final class Edit extends Subcommand {
        @Parameters(arity = "0..1", paramLabel = "REV", description = "An id or prefix, or head.")
        String revision;

        Edit(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            String editor = System.getenv("EDITOR");
            commands().edit(revision, editor == null ? System.getenv("VISUAL") : editor);
        }
    }

    @Command(name = "branches", description = "Show the branch points of the revision history.")
    static final class Branches extends Subcommand {
        @Option(
                names = {"-v", "--verbose"},
                description = "With each branch point's details.")
        boolean verbose;

        Branches(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().branches(verbose);
        }
    }

    @Command(name = "show", description = "Show one revision.")
    static final class Show extends Subcommand {
        @Parameters(
                arity = "0..1",
                paramLabel = "REV",
                defaultValue = "head",
                description = "An id or prefix, a branch label, or head (the default).")
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

        @Option(names = "--purge", description = "Empty the version table first (it names unwanted revisions).")
        boolean purge;

        @Mixin
        TagOption tagOption;

        Stamp(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            MigrationCommands commands = commands().tagged(tagOption.tag);
            if (sql) {
                commands.stampSql(revision, purge);
            } else if (purge) {
                commands.purgeAndStamp(revision);
            } else {
                commands.stamp(revision);
            }
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

    @Command(
            name = "test",
            description = "Try every revision on a scratch database of the configured kind: "
                    + "up, down and up again, with sample rows in every table after each upgrade, checking the schema "
                    + "after each step, and against the models at head.")
    static final class Test extends Subcommand {
        Test(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().test();
        }
    }

    @Command(name = "repair", description = "Record the applied revisions as they are now, after an intended edit.")
    static final class Repair extends Subcommand {
        Repair(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().repair();
        }
    }

    @Command(
            name = "diagram",
            description = "Draw the tables, columns, keys and relations of the models (or of the "
                    + "database): Mermaid text on standard output, or an SVG picture with --svg.")
    static final class Diagram extends Subcommand {
        @Option(names = "--live", description = "Draw the database as it is, instead of the models.")
        boolean live;

        @Option(names = "--svg", paramLabel = "FILE", description = "Write an SVG picture to FILE instead of Mermaid.")
        Path svg;

        Diagram(MigrationConfig config) {
            super(config);
        }

        @Override
        public void run() {
            commands().diagram(live, svg);
        }
    }

    /** Builds subcommands with the application's migration config. */
    private record ConfigInjectingFactory(MigrationConfig config) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) {
            try {
                if (Subcommand.class.isAssignableFrom(type)) {
                    Constructor<K> constructor = type.getDeclaredConstructor(MigrationConfig.class);
                    constructor.setAccessible(true);
                    return constructor.newInstance(config);
                }
                return CommandLine.defaultFactory().create(type);
            } catch (Exception e) {
                throw new IllegalStateException("cannot create " + type.getName(), e);
            }
        }
    }
}
