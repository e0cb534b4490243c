package microblog.app.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session as Flask keeps it: in a cookie the browser holds, signed with
 * the SECRET_KEY so it cannot be forged, and nowhere on the server. Any
 * instance with the same key reads it, so instances behind a load balancer
 * serve one user interchangeably, and an anonymous page view creates nothing:
 * the cookie is set only once something is stored in it.
 *
 * <p>Written here because Javalin's sessions live in the server's memory.
 * Values are short strings (a CSRF secret, flashed messages), kept as
 * URL-encoded pairs, so no serialisation library is involved. The time it was
 * written is signed with it, and a cookie older than {@link #LIFETIME} (Flask's
 * {@code PERMANENT_SESSION_LIFETIME}) is an empty session, as a stolen cookie
 * must not last for ever. It is {@code Secure} over HTTPS, also where a proxy
 * ends TLS and says so ({@code X-Forwarded-Proto: https}).
 */
final class CookieSession {
    static final String COOKIE = "session";
    static final Duration LIFETIME = Duration.ofDays(31);
    private static final String PURPOSE = "cookie-session";
    private static final String ATTRIBUTE = CookieSession.class.getName();

    private final Map<String, List<String>> values;
    private boolean changed;

    private CookieSession(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Loads the request's session from its cookie; a missing, forged or damaged cookie is an empty session. */
    static void load(Context ctx, Signer signer, Clock clock) {
        ctx.attribute(ATTRIBUTE, new CookieSession(decode(ctx.cookie(COOKIE), signer, clock)));
    }

    static CookieSession of(Context ctx) {
        CookieSession session = ctx.attribute(ATTRIBUTE);
        if (session == null) {
            throw new IllegalStateException("no session loaded for this request");
        }
        return session;
    }

    /** Sets, renews or clears the cookie if the session changed during the request. */
    private static final java.util.regex.Pattern FORWARDED_HTTPS =
            java.util.regex.Pattern.compile("(?i)(^|[;,\\s])proto=\"?https\"?($|[;,\\s])");

    static void save(Context ctx, Signer signer, Clock clock) {
        CookieSession session = ctx.attribute(ATTRIBUTE);
        if (session == null || !session.changed) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, session.values.isEmpty() ? "" : encode(session.values, signer, clock));
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        cookie.setSecure(cameOverHttps(ctx));
        cookie.setMaxAge(session.values.isEmpty() ? 0 : (int) LIFETIME.toSeconds());
        ctx.cookie(cookie);
    }

    /**
     * Whether the browser used HTTPS: to this server, or to a proxy that ended TLS and says so, in
     * {@code X-Forwarded-Proto} or RFC 7239's {@code Forwarded} ({@code proto=https}).
     */
    private static boolean cameOverHttps(Context ctx) {
        if ("https".equals(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))) {
            return true;
        }
        String forwarded = ctx.header("Forwarded");
        return forwarded != null && FORWARDED_HTTPS.matcher(forwarded).find();
    }

    String get(String key) {
        List<String> list = values.get(key);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    List<String> getAll(String key) {
        return List.copyOf(values.getOrDefault(key, List.of()));
    }

    void put(String key, String value) {
        putAll(key, List.of(value));
    }

    void putAll(String key, List<String> list) {
        if (list.isEmpty()) {
            remove(key);
            return;
        }
        values.put(key, new ArrayList<>(list));
        changed = true;
    }

    void remove(String key) {
        changed |= values.remove(key) != null;
    }

    private static String encode(Map<String, List<String>> values, Signer signer, Clock clock) {
        StringBuilder pairs = new StringBuilder();
        values.forEach((key, list) -> list.forEach(value -> pairs.append(pairs.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(key, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        String payload = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(pairs.toString().getBytes(StandardCharsets.UTF_8))
                + "." + clock.instant().getEpochSecond();
        return payload + "." + signer.sign(PURPOSE, payload);
    }

    private static Map<String, List<String>> decode(String cookie, Signer signer, Clock clock) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int dot = cookie == null ? -1 : cookie.lastIndexOf('.');
        if (dot < 0 || !signer.verify(PURPOSE, cookie.substring(0, dot), cookie.substring(dot + 1))) {
            return values;
        }
        String payload = cookie.substring(0, dot);
        int stamp = payload.lastIndexOf('.');
        try {
            Instant written = Instant.ofEpochSecond(Long.parseLong(payload.substring(stamp + 1)));
            Instant now = clock.instant();
            if (stamp < 0
                    || written.isAfter(now.plusSeconds(60))
                    || written.plus(LIFETIME).isBefore(now)) {
                return values; // expired, or dated ahead of this server's clock by more than its drift
            }
            String pairs =
                    new String(Base64.getUrlDecoder().decode(payload.substring(0, stamp)), StandardCharsets.UTF_8);
            for (String pair : pairs.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.computeIfAbsent(
                                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                                    k -> new ArrayList<>())
                            .add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException e) {
            values.clear(); // signed by us but unreadable: start afresh
        }
        return values;
    }
}
