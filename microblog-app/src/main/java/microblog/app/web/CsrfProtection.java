package microblog.app.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens as Flask-WTF makes them: a random value kept in the session,
 * handed to forms signed with the SECRET_KEY, and checked on every POST.
 */
final class CsrfProtection {
    static final String FIELD = "csrf_token";
    private static final String SESSION_KEY = "_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secretKey;

    CsrfProtection(String secretKey) {
        this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
    }

    /** The token for this session's forms. */
    String token(Context ctx) {
        String raw = ctx.sessionAttribute(SESSION_KEY);
        if (raw == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ctx.sessionAttribute(SESSION_KEY, raw);
        }
        return raw + "." + sign(raw);
    }

    /** Why the submitted token is not acceptable, or null if it is. */
    String problem(Context ctx) {
        String submitted = ctx.formParam(FIELD);
        if (submitted == null || submitted.isBlank()) {
            return "The CSRF token is missing.";
        }
        String raw = ctx.sessionAttribute(SESSION_KEY);
        int dot = submitted.lastIndexOf('.');
        if (raw == null || dot < 0 || !MessageDigest.isEqual(
                submitted.getBytes(StandardCharsets.UTF_8), (raw + "." + sign(raw)).getBytes(StandardCharsets.UTF_8))) {
            return "The CSRF token is invalid.";
        }
        return null;
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
