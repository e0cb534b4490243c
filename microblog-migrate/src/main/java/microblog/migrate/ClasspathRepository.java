package microblog.migrate;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import microblog.migrate.script.ScriptDirectory;

/**
 * Finds a migrations repository packaged on the class path, so that a
 * deployed application migrates with the revisions it was built with. Inside
 * a jar the repository is read through the JDK's zip file system, which stays
 * open for the life of the process (the jar is open anyway).
 */
public final class ClasspathRepository {

    private ClasspathRepository() {}

    /**
     * The repository at {@code location} on {@code loader}'s class path.
     *
     * @throws MigrationException if there is none, saying where it was looked for
     */
    public static Path locate(String location, ClassLoader loader) {
        String name = location.replaceAll("^/+|/+$", "");
        return find(name, loader)
                .orElseThrow(() -> new MigrationException("no migrations repository on the "
                        + "class path at '" + name + "' (no " + name + "/" + ScriptDirectory.CONFIG_FILE
                        + "): package the "
                        + "migrations directory there, for example as src/main/resources/" + name));
    }

    /** The repository at {@code location} on {@code loader}'s class path, if there is one. */
    public static Optional<Path> find(String location, ClassLoader loader) {
        String name = location.replaceAll("^/+|/+$", "");
        URL settings = loader.getResource(name + "/" + ScriptDirectory.CONFIG_FILE);
        if (settings == null) {
            return Optional.empty();
        }
        try {
            URI uri = settings.toURI();
            if ("jar".equals(uri.getScheme())) {
                openZipFileSystem(uri);
            }
            return Optional.of(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new MigrationException(
                    "cannot read the migrations repository at " + settings + ": " + e.getMessage(), e);
        }
    }

    private static void openZipFileSystem(URI uri) throws IOException {
        try {
            FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
            // opened by an earlier lookup: Path.of finds it
        }
    }
}
