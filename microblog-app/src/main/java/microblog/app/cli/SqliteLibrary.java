package microblog.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Copies the SQLite driver's native library for this machine out of its jar, once per build, for
 * the launcher to hand to every later start ({@code -Dorg.sqlite.lib.path}, {@code
 * -Dorg.sqlite.lib.name}). Left to itself, the driver runs {@code uname} to learn the platform and
 * writes its 1 MB library to a new temporary file, then reads it back to compare, at every start:
 * about 60 ms of a {@code db current} on SQLite here (docs/benchmarks.md). Should the copy not
 * load, the driver falls back to doing just that.
 *
 * <p>Usage: {@code java -cp ... microblog.app.cli.SqliteLibrary DIR}; writes nothing where the jar
 * has no library for this platform.
 */
public final class SqliteLibrary {
    private SqliteLibrary() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String folder = LibraryLoaderUtil.getNativeLibResourcePath();
        String name = LibraryLoaderUtil.getNativeLibName();
        try (InputStream library = SQLiteJDBCLoader.class.getResourceAsStream(folder + "/" + name)) {
            if (library == null) {
                return;
            }
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, name, ".partial");
            Files.copy(library, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
