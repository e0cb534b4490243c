package microblog.app.web;

import io.javalin.http.Context;

/**
 * Headers every response carries: no content-type sniffing, no framing by
 * other sites, a Content-Security-Policy the pages satisfy (no scripts at all;
 * styles from this site or inline, as the tutorial's templates use them), and
 * referrers kept within the site.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders() {}

    static void add(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Referrer-Policy", "same-origin");
    }
}
