package microblog.app.web;

import io.javalin.http.Context;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Headers every response carries: no content-type sniffing, no framing by
 * other sites, a Content-Security-Policy the pages satisfy (no scripts at all;
 * styles from this site or inline, as the tutorial's templates use them), and
 * referrers kept within the site. Jetty's own answers to requests that never
 * reach the app (a bad request line, a URI or headers too long) carry them
 * too, through {@link OnErrors}.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    static final Map<String, String> HEADERS = new TreeMap<>(Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Referrer-Policy", "same-origin"));

    private SecurityHeaders() {}

    static void add(Context ctx) {
        HEADERS.forEach(ctx::header);
    }

    static void add(HttpFields.Mutable fields) {
        HEADERS.forEach(fields::put);
    }

    /** Jetty's error pages, with the headers the app's pages carry. */
    static final class OnErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            add(response.getHeaders());
            return super.handle(request, response, callback);
        }
    }
}
