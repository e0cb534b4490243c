package microblog.app.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** Renders a page with what every page's base template needs: title, flashed messages, CSRF token. */
final class PageRenderer {
    private final Templates templates;
    private final CsrfProtection csrf;

    PageRenderer(Templates templates, CsrfProtection csrf) {
        this.templates = templates;
        this.csrf = csrf;
    }

    void render(Context ctx, String template, String title, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("title", title);
        all.put("flashes", FlashMessages.take(ctx));
        all.put("csrf_token", csrf.lazyToken(ctx));
        ctx.html(templates.render(template, all));
    }
}
