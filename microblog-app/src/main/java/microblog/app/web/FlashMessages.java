package microblog.app.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** Messages kept in the session until the next page shows them, as Flask's {@code flash()}. */
final class FlashMessages {
    private static final String KEY = "_flashes";

    private FlashMessages() {}

    static void flash(Context ctx, String message) {
        CookieSession session = CookieSession.of(ctx);
        List<String> messages = new ArrayList<>(session.getAll(KEY));
        messages.add(message);
        session.putAll(KEY, messages);
    }

    /** The pending messages, removed from the session. */
    static List<String> take(Context ctx) {
        CookieSession session = CookieSession.of(ctx);
        List<String> messages = session.getAll(KEY);
        session.remove(KEY);
        return messages;
    }
}
