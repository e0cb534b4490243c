package microblog.db.dialect;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/** Reads a parameter of a JDBC URL's query, as a driver would, for the settings a URL may override. */
final class UrlParameters {
    private UrlParameters() {}

    /** The value of {@code name} (matched ignoring case) in {@code jdbcUrl}'s query, if it is there. */
    static Optional<String> find(String jdbcUrl, String name) {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        for (String parameter : jdbcUrl.substring(query + 1).split("&")) {
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(parameter.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    /** Sets the driver property {@code name} to {@code value} unless the URL sets it, as it may to override. */
    static void setUnlessInUrl(String jdbcUrl, Properties properties, String name, long value) {
        if (find(jdbcUrl, name).isEmpty()) {
            properties.setProperty(name, String.valueOf(value));
        }
    }

    /**
     * The timeout the URL sets in {@code name}, counted in {@code unit}, else {@code fallback}; a
     * driver's 0 (no timeout) and a value that is no number (which the driver reports when it
     * connects) give the pool's own 30 s.
     */
    static Duration timeout(String jdbcUrl, String name, long fallback, ChronoUnit unit) {
        long value;
        try {
            value = find(jdbcUrl, name).map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            value = 0;
        }
        return value > 0 ? Duration.of(value, unit) : Duration.ofSeconds(30);
    }
}
