package microblog.migrate.schema;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The names every supported database keeps as written. PostgreSQL cuts a name
 * longer than 63 bytes (with only a notice), and MySQL refuses one longer than
 * 64 characters, so a longer name would mean one thing on one database and
 * another, or nothing, on the next.
 */
public final class Identifiers {
    public static final int MAX_BYTES = 63;

    private Identifiers() {}

    public static boolean fits(String name) {
        return !name.isEmpty() && name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /**
     * A made-up name that fits: long conventional names (a foreign key over
     * several columns of a long-named table) keep their start and end a hash
     * of the whole, so they stay unique and the same everywhere.
     */
    public static String fit(String name) {
        if (fits(name)) {
            return name;
        }
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        String hash = HexFormat.of().toHexDigits((int) crc.getValue());
        String start = name;
        while (start.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES - hash.length() - 1) {
            start = start.substring(0, start.length() - 1);
        }
        return start + "_" + hash;
    }
}
