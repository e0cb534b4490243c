package microblog.app.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Answers a request for a known page with a method the page does not take
 * with 405 and the methods it does take ({@code Allow}), as Flask does, where
 * the router alone would answer 404; and {@code OPTIONS} with 200 and the same
 * {@code Allow}, as Werkzeug's automatic options do.
 */
final class AllowedMethods {
    private final Map<String, Set<String>> byPath = new LinkedHashMap<>();

    AllowedMethods allow(String path, String... methods) {
        byPath.put(path, Set.of(methods));
        return this;
    }

    Set<String> paths() {
        return byPath.keySet();
    }

    /** {@code OPTIONS} on a known page: 200, no body, the page's methods. */
    void answerOptions(Context ctx) {
        ctx.header("Allow", allow(byPath.get(ctx.path()))).status(200).result("");
    }

    void check(Context ctx) {
        Set<String> allowed = byPath.get(ctx.path());
        String method = ctx.method().name();
        if (allowed != null
                && !allowed.contains(method)
                && !(method.equals("HEAD") && allowed.contains("GET"))
                && !method.equals("OPTIONS")) {
            ctx.header("Allow", allow(allowed));
            throw new HttpResponseException(405, "Method Not Allowed");
        }
    }

    private static String allow(Set<String> allowed) {
        return String.join(", ", allowed.stream().sorted().toList()) + (allowed.contains("GET") ? ", HEAD" : "")
                + ", OPTIONS";
    }
}
