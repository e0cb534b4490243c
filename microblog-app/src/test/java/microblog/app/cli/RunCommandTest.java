package microblog.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import microblog.app.cli.MicroblogProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path project;

    @Test
    void aDatabaseTheBackgroundBootCannotOpenStopsRunWithOneLine() throws Exception {
        // No migrations/ here, so nothing connects before the boot: its failure is what stops the app.
        Result run = MicroblogProcess.run(
                project, Map.of("DATABASE_URL", "sqlite:////nonexistent/dir/app.db"), null, "run", "--port", "0");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("Running on").doesNotContain("\tat ");
        assertThat(run.err().strip().lines().reduce((first, second) -> second))
                .hasValueSatisfying(last ->
                        assertThat(last).startsWith("Error: cannot open SQLite at sqlite:////nonexistent/dir/app.db"));
    }
}
