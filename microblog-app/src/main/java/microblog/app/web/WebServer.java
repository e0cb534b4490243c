package microblog.app.web;

import io.javalin.Javalin;
import microblog.app.Microblog;

/** The web application: routes to pages, over Javalin. */
public final class WebServer {
    private WebServer() {
    }

    /** A configured server, not yet started. */
    public static Javalin create(Microblog app) {
        CsrfProtection csrf = new CsrfProtection(app.config().secretKey());
        PageRenderer pages = new PageRenderer(new Templates(), csrf);
        IndexPage index = new IndexPage(pages);
        LoginPage login = new LoginPage(pages, csrf);
        app.db(); // open the database before the first request, and fail early if it cannot be
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/", index::show);
            config.routes.get("/index", index::show);
            config.routes.get("/login", login::show);
            config.routes.post("/login", login::submit);
            // Each request gets a fresh unit of work, as Flask-SQLAlchemy removes its session after each.
            config.routes.after(ctx -> app.db().session().close());
        });
    }
}
