package microblog.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import microblog.app.Config;
import microblog.app.Microblog;
import microblog.app.TestProject;
import microblog.app.cli.MicroblogProcess.Result;
import microblog.cli.DbCommand;
import microblog.cli.command.MigrationCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Types the README's walkthrough into a new project, command by command, and compares what the
 * terminal shows with what the README says it shows, so the two cannot drift apart. Each block of
 * the walkthrough is marked {@code <!-- walkthrough models: User, Post -->} with the models the
 * project has at that step. Revision ids are random, so both sides number them in order of appearance.
 */
class ReadmeWalkthroughTest {
    private static final Path README =
            TestProject.SHIPPED_MIGRATIONS.getParent().resolve("README.md");
    private static final Pattern MARKER = Pattern.compile("<!-- walkthrough models: ([A-Za-z, ]+) -->");
    private static final String README_PROJECT = "/home/you/microblog";
    private static final Pattern REVISION_ID = Pattern.compile("(?<![0-9a-f])[0-9a-f]{12}(?![0-9a-f])");

    @TempDir
    Path project;

    record Step(String models, List<String> args, String shown) {}

    @Test
    void everyCommandPrintsWhatTheReadmeShows() throws Exception {
        List<Step> steps = walkthrough(Files.readAllLines(README));
        assertThat(steps).as("walkthrough steps in README.md").hasSizeGreaterThanOrEqualTo(5);
        StringBuilder shown = new StringBuilder();
        StringBuilder typed = new StringBuilder();
        for (Step step : steps) {
            Result result = MicroblogProcess.runInTerminal(
                    project,
                    List.of("-Dmodels=" + step.models()),
                    ChapterStepMain.class,
                    step.args().toArray(String[]::new));
            String prompt = "$ ./microblog " + String.join(" ", step.args()) + " (exit " + result.exitCode() + ")\n";
            shown.append(prompt).append(step.shown());
            typed.append(prompt).append(lines(result.out().replace(project.toString(), README_PROJECT)));
        }
        assertThat(numberRevisions(typed.toString())).isEqualTo(numberRevisions(shown.toString()));
    }

    @Test
    void theDiagramInTheReadmeIsWhatDbDiagramPrints() throws Exception {
        String readme = Files.readString(README);
        int block = readme.indexOf("```mermaid\n", readme.indexOf("<!-- db diagram -->")) + "```mermaid\n".length();
        StringWriter printed = new StringWriter();
        try (Microblog app = new Microblog(Config.load(project, Map.of()))) {
            new MigrationCommands(app.migrationConfig(), new PrintWriter(printed)).diagram(false, null);
        }
        assertThat(readme.substring(block, readme.indexOf("```", block))).isEqualTo(printed.toString());
    }

    @Test
    void theReadmesTableListsEveryDbCommand() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (String row : Files.readAllLines(README)) {
            if (row.startsWith("| `db ")) {
                Matcher command = Pattern.compile("`db (\\w+)").matcher(row.substring(0, row.indexOf(" | ")));
                while (command.find()) {
                    listed.add(command.group(1));
                }
            }
        }
        try (Microblog app = new Microblog(Config.load(project, Map.of()))) {
            assertThat(listed)
                    .isEqualTo(new TreeSet<>(DbCommand.create(app.migrationConfig())
                            .getSubcommands()
                            .keySet()));
        }
    }

    /** The commands of the marked blocks, each with the output shown under it. */
    static List<Step> walkthrough(List<String> lines) {
        List<Step> steps = new ArrayList<>();
        String models = null;
        boolean inBlock = false;
        List<String> args = null;
        StringBuilder shown = new StringBuilder();
        for (String line : lines) {
            Matcher marker = MARKER.matcher(line);
            if (marker.matches()) {
                models = marker.group(1);
            } else if (models != null && line.startsWith("```")) {
                if (inBlock) {
                    if (args != null) {
                        steps.add(new Step(models, args, lines(shown.toString())));
                    }
                    models = null;
                    args = null;
                }
                inBlock = !inBlock;
            } else if (inBlock && line.startsWith("$ ./microblog ")) {
                if (args != null) {
                    steps.add(new Step(models, args, lines(shown.toString())));
                }
                args = shellWords(line.substring("$ ./microblog ".length()));
                shown.setLength(0);
            } else if (inBlock) {
                shown.append(line).append('\n');
            }
        }
        return steps;
    }

    /** Output as compared: without the blank lines that separate one command from the next. */
    static String lines(String output) {
        String text = output.stripTrailing();
        return text.isEmpty() ? "" : text + "\n";
    }

    /** A command line split as the shell splits it, for the double quotes the README uses. */
    static List<String> shellWords(String commandLine) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(commandLine);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        return words;
    }

    /** Replaces each revision id by {@code <rev N>}, N counting distinct ids in order of appearance. */
    static String numberRevisions(String text) {
        Map<String, String> numbers = new LinkedHashMap<>();
        return REVISION_ID
                .matcher(text)
                .replaceAll(id -> numbers.computeIfAbsent(id.group(), k -> "<rev " + (numbers.size() + 1) + ">"));
    }
}
