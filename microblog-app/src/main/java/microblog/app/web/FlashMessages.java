package microblog.app.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** Messages kept in the session until the next page shows them, as Flask's {@code flash()}. */
final class FlashMessages {
    private static final String KEY = "_flashes";

    private FlashMessages() {
    }

    static void flash(Context ctx, String message) {
        List<String> messages = new ArrayList<>(pending(ctx));
        messages.add(message);
        ctx.sessionAttribute(KEY, messages);
    }

    /** The pending messages, removed from the session. */
    static List<String> take(Context ctx) {
        List<String> messages = pending(ctx);
        if (!messages.isEmpty()) {
            ctx.sessionAttribute(KEY, null);
        }
        return messages;
    }

    private static List<String> pending(Context ctx) {
        List<String> messages = ctx.sessionAttribute(KEY);
        return messages == null ? List.of() : messages;
    }
}
