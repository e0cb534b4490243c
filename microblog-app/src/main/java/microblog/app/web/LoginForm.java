package microblog.app.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sign-in form: its fields, as submitted, and their validation errors. */
public final class LoginForm {
    static final String REQUIRED = "This field is required.";

    private final String username;
    private final String password;
    private final boolean rememberMe;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    LoginForm(String username, String password, boolean rememberMe) {
        this.username = username == null ? "" : username.strip();
        this.password = password == null ? "" : password;
        this.rememberMe = rememberMe;
    }

    static LoginForm empty() {
        return new LoginForm("", "", false);
    }

    static LoginForm from(Context ctx) {
        return new LoginForm(ctx.formParam("username"), ctx.formParam("password"),
                ctx.formParam("remember_me") != null);
    }

    /** Checks every field; the errors are then kept per field. */
    boolean validate() {
        errors.clear();
        if (username.isEmpty()) {
            error("username", REQUIRED);
        }
        if (password.isEmpty()) {
            error("password", REQUIRED);
        }
        return errors.isEmpty();
    }

    void error(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    public String getUsername() {
        return username;
    }

    public boolean isRememberMe() {
        return rememberMe;
    }

    public Map<String, List<String>> getErrors() {
        return errors;
    }
}
