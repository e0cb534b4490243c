package microblog.app.web;

import io.javalin.http.Context;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * CSRF protection as Flask-WTF gives it: a random secret kept in the session,
 * handed to forms as a token signed with the SECRET_KEY together with the time
 * it was issued, and checked on every POST: the token must match the session,
 * be at most an hour old, and the request must come from this site's own pages
 * (its {@code Origin}, or else its {@code Referer}, names this host).
 */
final class CsrfProtection {
    static final String FIELD = "csrf_token";
    static final Duration TIME_LIMIT = Duration.ofHours(1);
    /** How far instances' clocks may disagree before a token one issued looks dated ahead to another. */
    static final Duration CLOCK_DRIFT = Duration.ofMinutes(1);

    private static final String SESSION_KEY = "csrf_token";
    private static final String PURPOSE = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Signer signer;
    private final Clock clock;

    CsrfProtection(Signer signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /** A fresh token for this session's forms; the session gets its secret on first use. */
    String token(Context ctx) {
        CookieSession session = CookieSession.of(ctx);
        String secret = session.get(SESSION_KEY);
        if (secret == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.put(SESSION_KEY, secret);
        }
        String issued = secret + "." + clock.instant().getEpochSecond();
        return issued + "." + signer.sign(PURPOSE, issued);
    }

    /**
     * What a template prints as {@code {{ csrf_token }}}: made when printed, so
     * a page without a form neither makes a token nor sets a session cookie.
     */
    Object lazyToken(Context ctx) {
        return new Object() {
            @Override
            public String toString() {
                return token(ctx);
            }
        };
    }

    /** Why the POST is not acceptable, in Flask-WTF's words, or null if it is. */
    String problem(Context ctx) {
        String foreign = foreignOrigin(ctx);
        if (foreign != null) {
            return foreign;
        }
        String submitted = ctx.formParam(FIELD);
        if (submitted == null || submitted.isBlank()) {
            return "The CSRF token is missing.";
        }
        String[] parts = submitted.split("\\.");
        String secret = CookieSession.of(ctx).get(SESSION_KEY);
        if (parts.length != 3
                || secret == null
                || !parts[0].equals(secret)
                || !signer.verify(PURPOSE, parts[0] + "." + parts[1], parts[2])) {
            return "The CSRF token is invalid.";
        }
        long issued;
        try {
            issued = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return "The CSRF token is invalid.";
        }
        long age = clock.instant().getEpochSecond() - issued;
        if (age > TIME_LIMIT.toSeconds()) {
            return "The CSRF token has expired.";
        }
        if (age < -CLOCK_DRIFT.toSeconds()) { // issued later than now: by a server whose clock runs ahead
            return "The CSRF token is invalid.";
        }
        return null;
    }

    /** A problem if the request says it comes from another site's page; none if it does not say. */
    private static String foreignOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String referer = ctx.header("Referer");
        String source = origin != null && !origin.equals("null") ? origin : referer;
        if (source == null) {
            return null; // not a browser, or one that tells nothing: the token decides
        }
        try {
            URI uri = URI.create(source);
            String host = ctx.host();
            if (uri.getAuthority() != null && uri.getAuthority().equalsIgnoreCase(host)) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            // an unreadable header is no proof of origin
        }
        return origin != null
                ? "The request's origin does not match the host."
                : "The referrer does not match the host.";
    }
}
