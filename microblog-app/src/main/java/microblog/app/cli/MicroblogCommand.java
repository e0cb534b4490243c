package microblog.app.cli;

import java.util.List;
import microblog.app.Microblog;
import microblog.app.shell.ShellCommand;
import microblog.cli.DbCommand;
import microblog.cli.OneLineErrors;
import microblog.cli.UsageErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code microblog}: the app's command line, as the {@code flask} command is the tutorial's. */
@Command(
        name = "microblog",
        mixinStandardHelpOptions = true,
        version = "microblog 0.4 (Part IV: Database)",
        description = "The microblog of the Flask Mega-Tutorial, in Java.")
public final class MicroblogCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private static final List<String> COMMANDS = List.of("run", "shell", "db");

    /** The full command line: run, shell and db, bound to {@code app}. */
    public static CommandLine create(Microblog app) {
        return create(app, new String[0]);
    }

    /**
     * The command line wired for {@code args}: only the command they name is built (and under
     * {@code db}, only the subcommand), as building the others would only slow the start; all of
     * them when the arguments name none, for the help and for suggestions after a typo.
     */
    public static CommandLine create(Microblog app, String[] args) {
        String command = args.length > 0 && COMMANDS.contains(args[0]) ? args[0] : null;
        CommandLine line = new CommandLine(new MicroblogCommand());
        if (command == null || command.equals("run")) {
            line.addSubcommand(new RunCommand(app));
        }
        if (command == null || command.equals("shell")) {
            line.addSubcommand(new ShellCommand(app));
        }
        if (command == null || command.equals("db")) {
            line.addSubcommand(
                    DbCommand.create(app.migrationConfig(), "db".equals(command) && args.length > 1 ? args[1] : null));
        }
        return line.setExecutionExceptionHandler(new OneLineErrors("MICROBLOG_DEBUG", CommandFailedException.class))
                .setParameterExceptionHandler(new UsageErrors());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
