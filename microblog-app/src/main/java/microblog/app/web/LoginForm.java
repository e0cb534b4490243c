package microblog.app.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sign-in form: its fields, as submitted, and their validation errors. */
public final class LoginForm {
    static final String REQUIRED = "This field is required.";
    /** As long as a User's username may be. */
    static final int USERNAME_MAX = 64;
    /** Longer than any password a person types; the hash stored for it has its own length. */
    static final int PASSWORD_MAX = 128;

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
        return new LoginForm(
                ctx.formParam("username"), ctx.formParam("password"), ctx.formParam("remember_me") != null);
    }

    /** Checks every field; the errors are then kept per field. */
    boolean validate() {
        errors.clear();
        if (username.isEmpty()) {
            error("username", REQUIRED);
        } else if (username.length() > USERNAME_MAX) {
            error("username", tooLong(USERNAME_MAX));
        }
        if (password.isEmpty()) {
            error("password", REQUIRED);
        } else if (password.length() > PASSWORD_MAX) {
            error("password", tooLong(PASSWORD_MAX));
        }
        return errors.isEmpty();
    }

    private static String tooLong(int max) {
        return "Field cannot be longer than " + max + " characters.";
    }

    void error(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    /** The username as the form shows it again: never more than a username can hold. */
    public String getUsername() {
        return username.length() > USERNAME_MAX ? username.substring(0, USERNAME_MAX) : username;
    }

    public boolean isRememberMe() {
        return rememberMe;
    }

    public Map<String, List<String>> getErrors() {
        return errors;
    }
}
