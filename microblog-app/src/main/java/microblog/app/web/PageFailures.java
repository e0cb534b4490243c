package microblog.app.web;

import io.javalin.http.Context;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page that failed: the site's own 500 page (Flask's tutorial gives it one, Part VII), and one
 * line in the log saying what failed and, where the database lacks a table the page reads (its
 * revisions not applied), what to run. The stack trace goes to the debug level only.
 */
final class PageFailures {
    private static final Logger log = LoggerFactory.getLogger(PageFailures.class);
    private static final Pattern MISSING_TABLE = Pattern.compile(
            "(?i)(relation \\S+ does not exist|table \\S+ doesn't exist|no such table|table \\S+ not found)");

    private final PageRenderer pages;

    PageFailures(PageRenderer pages) {
        this.pages = pages;
    }

    void handle(Exception e, Context ctx) {
        String cause = deepestMessage(e);
        log.warn(
                "{} {} failed: {}{}",
                ctx.method(),
                ctx.path(),
                cause,
                MISSING_TABLE.matcher(cause).find()
                        ? " (the database lacks a table the page reads: apply the migrations with ./microblog db upgrade)"
                        : "");
        log.debug("{} {} failed", ctx.method(), ctx.path(), e);
        pages.render(ctx.status(500), "500.html", "Error", Map.of());
    }

    private static String deepestMessage(Throwable e) {
        String message = String.valueOf(e.getMessage());
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message.replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
