package microblog.app;

import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;
import io.github.cdimascio.dotenv.internal.DotenvParser;
import io.github.cdimascio.dotenv.internal.DotenvReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings in a project's {@code .env} file, parsed by dotenv-java. A line
 * that cannot be read is an error naming the file and the line: dotenv-java
 * silently drops a value whose quote is never closed (and what follows it),
 * and a dropped {@code DATABASE_URL} would send every command to the embedded
 * default database instead, so each key the file declares is checked to have
 * arrived.
 *
 * <p>As python-dotenv does, a line may start with {@code export} (so that the
 * file can also be sourced by a shell) and a UTF-8 byte order mark at the start
 * of the file is ignored.
 */
final class DotEnvFile {
    private static final Pattern DECLARATION = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*=(.*)$");
    private static final Pattern EXPORT = Pattern.compile("^(\\s*)export\\s+(?=[A-Za-z_][A-Za-z0-9_.-]*\\s*=)");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private DotEnvFile() {}

    /** The settings in {@code dir/.env}, or none if there is no such file. */
    static Map<String, String> read(Path dir) {
        Path file = dir.resolve(".env");
        if (!Files.exists(file)) {
            return Map.of();
        }
        if (!Files.isRegularFile(file)) {
            // Reading a FIFO would wait for a writer forever; a directory cannot be read at all.
            throw new ConfigException("cannot read " + file + ": it is " + kindOf(file)
                    + ", not a regular file; replace it with a file of KEY=value lines, or remove it");
        }
        List<String> lines;
        try {
            lines = withoutExportsAndMark(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + describe(e));
        }
        Map<String, Integer> declared = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = DECLARATION.matcher(lines.get(i));
            if (m.matches()) {
                declared.putIfAbsent(m.group(1), i + 1);
                requireClosedQuote(file, i + 1, m.group(1), m.group(2).strip(), lines.subList(i + 1, lines.size()));
            }
        }
        Map<String, String> values = new HashMap<>();
        try {
            for (DotenvEntry entry : new DotenvParser(new LinesReader(lines), false, true).parse()) {
                values.put(entry.getKey(), withoutSingleQuotes(entry.getValue()));
            }
        } catch (DotenvException e) {
            throw new ConfigException(file + lineOf(lines, e.getMessage()) + ": "
                    + withoutQuotedLine(lines, e.getMessage()) + "; write each setting as KEY=value");
        }
        declared.forEach((key, line) -> {
            if (!values.containsKey(key)) {
                throw new ConfigException(file + " line " + line + ": the value of " + key + " cannot be read; "
                        + "write it as " + key + "=value, quoting it whole if it holds spaces or '#'");
            }
        });
        return values;
    }

    /** The lines without a leading byte order mark and without the {@code export } that may start a setting. */
    private static List<String> withoutExportsAndMark(List<String> lines) {
        List<String> result = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (result.isEmpty() && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            result.add(EXPORT.matcher(line).replaceFirst("$1"));
        }
        return result;
    }

    /** What a path that exists but is not a regular file is, in words. */
    private static String kindOf(Path file) {
        if (Files.isDirectory(file)) {
            return "a directory";
        }
        int format;
        try {
            format = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
        return format == 0010000
                ? "a named pipe (FIFO)"
                : format == 0140000
                        ? "a socket"
                        : format == 0020000 || format == 0060000 ? "a device" : "a special file";
    }

    /**
     * The lines already read, for dotenv-java's parser: reading them once, here,
     * lets a leading {@code export} and byte order mark go before it sees them.
     */
    private static final class LinesReader extends DotenvReader {
        private final List<String> lines;

        LinesReader(List<String> lines) {
            super(".", ".env");
            this.lines = lines;
        }

        @Override
        public List<String> read() {
            return lines;
        }
    }

    /**
     * {@code KEY='value'} means {@code value}, as python-dotenv (which Flask
     * users know) reads it; dotenv-java would keep the quotes.
     */
    private static String withoutSingleQuotes(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    /** A value that opens a quote must close it, on its line or (for a multi-line value) a later one. */
    private static void requireClosedQuote(Path file, int line, String key, String value, List<String> rest) {
        if (value.isEmpty() || value.charAt(0) != '"' && value.charAt(0) != '\'') {
            return;
        }
        char quote = value.charAt(0);
        if (value.indexOf(quote, 1) > 0 || quote == '"' && rest.stream().anyMatch(l -> l.indexOf('"') >= 0)) {
            return;
        }
        throw new ConfigException(file + " line " + line + ": the value of " + key + " opens a quote (" + quote
                + ") that is never closed; close it, as in " + key + "=" + quote + "..." + quote);
    }

    /** " line N" for the line a dotenv-java message quotes, or nothing if it cannot be found. */
    private static String lineOf(List<String> lines, String message) {
        int quoted = quotedLine(lines, message);
        return quoted < 0 ? "" : " line " + (quoted + 1);
    }

    /**
     * dotenv-java's message without the line it quotes, which may hold a password
     * ({@code export DATABASE_URL=postgresql://u:secret@...}); the line number says which it is.
     */
    private static String withoutQuotedLine(List<String> lines, String message) {
        if (message == null) {
            return "cannot be read";
        }
        int quoted = quotedLine(lines, message);
        return quoted < 0
                ? message
                : message.substring(
                                0, message.length() - lines.get(quoted).strip().length())
                        .strip();
    }

    /** The index of the line a dotenv-java message ends by quoting, or -1. */
    private static int quotedLine(List<String> lines, String message) {
        for (int i = 0; message != null && i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && message.endsWith(lines.get(i).strip())) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(IOException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage();
        return e instanceof AccessDeniedException
                ? "permission denied"
                : e instanceof MalformedInputException
                        ? "it is not UTF-8 text"
                        : reason.isEmpty() ? "an input or output error" : reason;
    }
}
