package microblog.app.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** The sign-in form. Signing in comes in a later chapter; for now it flashes what was asked. */
final class LoginPage {
    private final PageRenderer pages;
    private final CsrfProtection csrf;

    LoginPage(PageRenderer pages, CsrfProtection csrf) {
        this.pages = pages;
        this.csrf = csrf;
    }

    void show(Context ctx) {
        pages.render(ctx, "login.html", "Sign In", Map.of("form", LoginForm.empty()));
    }

    void submit(Context ctx) {
        LoginForm form = LoginForm.from(ctx);
        String csrfProblem = csrf.problem(ctx);
        boolean valid = form.validate();
        if (csrfProblem != null) {
            form.error("csrf_token", csrfProblem);
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        if (!valid || csrfProblem != null) {
            pages.render(ctx, "login.html", "Sign In", Map.of("form", form));
            return;
        }
        FlashMessages.flash(
                ctx, "Login requested for user " + form.getUsername() + ", remember_me=" + form.isRememberMe());
        ctx.redirect("/index");
    }
}
