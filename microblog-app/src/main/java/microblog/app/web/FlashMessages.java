package microblog.app.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages kept in the session until the next page shows them, as Flask's
 * {@code flash()}. Only the latest few are kept: a client that posts again and
 * again without reading a page would otherwise grow the session cookie until
 * the server refuses its own cookie (431) on every page.
 */
final class FlashMessages {
    private static final String KEY = "_flashes";
    static final int KEPT = 10;

    private FlashMessages() {}

    static void flash(Context ctx, String message) {
        CookieSession session = CookieSession.of(ctx);
        List<String> messages = new ArrayList<>(session.getAll(KEY));
        messages.add(message);
        session.putAll(KEY, messages.subList(Math.max(0, messages.size() - KEPT), messages.size()));
    }

    /** The pending messages, removed from the session. */
    static List<String> take(Context ctx) {
        CookieSession session = CookieSession.of(ctx);
        List<String> messages = session.getAll(KEY);
        session.remove(KEY);
        return messages;
    }
}
