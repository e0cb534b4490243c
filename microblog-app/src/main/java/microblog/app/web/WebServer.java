package microblog.app.web;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.Map;
import microblog.app.Microblog;

/** The web application: routes to pages, over Javalin. */
public final class WebServer {
    private WebServer() {}

    /** A configured server, not yet started. */
    public static Javalin create(Microblog app) {
        return create(app, Clock.systemUTC());
    }

    /** A server whose CSRF tokens age by {@code clock}. */
    static Javalin create(Microblog app, Clock clock) {
        Signer signer = new Signer(app.config().secretKey(), app.config().secretKeyFallbacks());
        CsrfProtection csrf = new CsrfProtection(signer, clock);
        PageRenderer pages = new PageRenderer(new Templates(), csrf);
        IndexPage index = new IndexPage(pages);
        LoginPage login = new LoginPage(pages, csrf);
        PageFailures failures = new PageFailures(pages);
        AllowedMethods methods =
                new AllowedMethods().allow("/", "GET").allow("/index", "GET").allow("/login", "GET", "POST");
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> server.setErrorHandler(new SecurityHeaders.OnErrors()));
            config.routes.before(ctx -> {
                app.db(); // waits while the database is still being opened (see RunCommand)
                SecurityHeaders.add(ctx);
                methods.check(ctx);
                CookieSession.load(ctx, signer, clock);
            });
            config.routes.get("/", index::show);
            config.routes.get("/index", index::show);
            config.routes.get("/login", login::show);
            config.routes.post("/login", login::submit);
            methods.paths().forEach(path -> config.routes.options(path, methods::answerOptions));
            // Flask's tutorial gives unknown pages its own template (Part VII): the site's frame, not plain text.
            config.routes.error(404, ctx -> pages.render(ctx.status(404), "404.html", "Not Found", Map.of()));
            config.routes.exception(Exception.class, failures::handle);
            config.routes.after(ctx -> {
                CookieSession.save(ctx, signer, clock);
                // Each request gets a fresh unit of work, as Flask-SQLAlchemy removes its session after each.
                app.db().session().close();
            });
        });
    }
}
