package microblog.app.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What JShell keeps between sessions (its history, and settings kept with {@code -retain}), in a
 * file of the shell's own, {@code ~/.microblog_shell_history}, as Python keeps
 * {@code ~/.python_history}: JShell's own store, the Java preferences, is shared by every JShell on
 * the machine and is where a tool that is not JShell should not write. A user who had a history
 * there before finds it imported once, at the first start.
 */
final class ShellHistory {
    /** Where the JDK's JShell keeps its history and retained settings. */
    static final String JSHELL_PREFERENCES = "tool/JShell";

    private ShellHistory() {}

    /** The history file: in the user's home, as Python's. */
    static Path location() {
        return Path.of(System.getProperty("user.home"), ".microblog_shell_history");
    }

    /**
     * What the last sessions kept, from {@code file}; without one, what JShell kept in
     * {@code jshellStore}, if anything.
     */
    static Map<String, String> load(Path file, Preferences jshellStore) throws IOException {
        Map<String, String> kept = new HashMap<>();
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            properties.stringPropertyNames().forEach(key -> kept.put(key, properties.getProperty(key)));
            return kept;
        }
        try {
            for (String key : jshellStore.keys()) {
                String value = jshellStore.get(key, null);
                if (value != null) {
                    kept.put(key, value);
                }
            }
        } catch (BackingStoreException | IllegalStateException e) {
            // nothing to import
        }
        return kept;
    }

    /** The store of the JDK's JShell, read only. */
    static Preferences jshellStore() {
        return Preferences.userRoot().node(JSHELL_PREFERENCES);
    }

    /** Writes {@code kept} to {@code file}, whole or not at all. */
    static void save(Path file, Map<String, String> kept) throws IOException {
        Properties properties = new Properties();
        properties.putAll(kept);
        Path written = Files.createTempFile(file.toAbsolutePath().getParent(), ".microblog_shell_history", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
                properties.store(out, "microblog shell: JShell's history and retained settings");
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }
}
