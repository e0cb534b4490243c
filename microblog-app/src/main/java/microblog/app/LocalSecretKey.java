package microblog.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key sessions and forms are signed with where no SECRET_KEY is set: made
 * at random the first time and kept in {@code instance/secret_key} of the
 * project (readable by its owner only, and out of git), as Rails keeps its
 * development secret. The tutorial's fallback, a key printed in every copy of
 * {@code config.py}, let anyone forge a session or a CSRF token. Where the
 * file cannot be written (a read-only deployment), a key for this process
 * alone: sessions then end with it.
 */
final class LocalSecretKey {
    static final String FILE = "instance/secret_key";

    private LocalSecretKey() {}

    /** The key kept in {@code baseDir}, made there if there is none; empty if it can be neither read nor made. */
    static Optional<String> of(Path baseDir) {
        Path file = baseDir.resolve(FILE);
        try {
            return Optional.of(read(file).orElseGet(() -> create(file)));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** A key for this process only. */
    static String ephemeral() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String key = Files.readString(file, StandardCharsets.UTF_8).strip();
        return key.length() < 32 ? Optional.empty() : Optional.of(key);
    }

    /** Writes a new key beside the file and moves it in, so that two processes starting at once agree. */
    private static String create(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path written = Files.createTempFile(file.getParent(), "secret_key", ".tmp");
            try {
                restrictToOwner(written);
                Files.writeString(written, ephemeral() + "\n", StandardCharsets.UTF_8);
                Files.move(written, file); // fails if another process made one meanwhile: theirs is kept
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(written);
            }
            return read(file).orElseThrow(() -> new IOException(file + " holds no key"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions must do
        }
    }
}
