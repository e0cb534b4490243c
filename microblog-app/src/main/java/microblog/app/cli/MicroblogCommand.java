package microblog.app.cli;

import microblog.app.Microblog;
import microblog.app.shell.ShellCommand;
import microblog.migrate.cli.DbCommand;
import microblog.migrate.cli.OneLineErrors;
import microblog.migrate.cli.UsageErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code microblog}: the app's command line, as the {@code flask} command is the tutorial's. */
@Command(name = "microblog", mixinStandardHelpOptions = true, version = "microblog 0.4 (Part IV: Database)",
        description = "The microblog of the Flask Mega-Tutorial, in Java.")
public final class MicroblogCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** The full command line: run, shell and db, bound to {@code app}. */
    public static CommandLine create(Microblog app) {
        return new CommandLine(new MicroblogCommand())
                .addSubcommand(new RunCommand(app))
                .addSubcommand(new ShellCommand())
                .addSubcommand(DbCommand.create(app.migrationConfig()))
                .setExecutionExceptionHandler(new OneLineErrors(CommandFailedException.class))
                .setParameterExceptionHandler(new UsageErrors());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
