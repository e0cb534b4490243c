package microblog.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellHistoryTest {
    @TempDir
    Path home;

    @Test
    void whatASessionKeptIsReadBackWhole() throws Exception {
        Path file = home.resolve(".microblog_shell_history");
        Map<String, String> kept = Map.of(
                "HISTORY_LINE_0000", "User u = new User(\"ann\", \"ann@example.com\");",
                "HISTORY_LINE_0001", "for (var p : u.posts().all()) {\n    System.out.println(p);\n}",
                "FEEDBACK", "-retain normal");
        ShellHistory.save(file, kept);
        Preferences empty = Preferences.userRoot().node("microblog-test-" + UUID.randomUUID());
        try {
            assertThat(ShellHistory.load(file, empty)).isEqualTo(kept);
        } finally {
            empty.removeNode();
        }
    }

    @Test
    void withoutItsOwnFileTheHistoryJShellKeptIsImportedOnce() throws Exception {
        Preferences jshell = Preferences.userRoot().node("microblog-test-" + UUID.randomUUID());
        try {
            jshell.put("HISTORY_LINE_0000", "db.session().commit()");
            Path file = home.resolve(".microblog_shell_history");
            assertThat(ShellHistory.load(file, jshell)).containsEntry("HISTORY_LINE_0000", "db.session().commit()");
            ShellHistory.save(file, Map.of("HISTORY_LINE_0000", "Post.query().all()"));
            assertThat(ShellHistory.load(file, jshell))
                    .as("once the shell has a file of its own, that is what it reads")
                    .containsExactly(Map.entry("HISTORY_LINE_0000", "Post.query().all()"));
        } finally {
            jshell.removeNode();
        }
    }
}
