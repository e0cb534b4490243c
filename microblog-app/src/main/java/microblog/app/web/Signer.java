package microblog.app.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs values with the SECRET_KEY (HMAC-SHA256), each use under its own
 * purpose, so that a CSRF token is never a valid session and the other way
 * round. Signatures made with an older key (SECRET_KEY_FALLBACKS) are still
 * accepted, so a key can be rotated without signing everybody out.
 */
final class Signer {
    private final List<byte[]> keys = new ArrayList<>();

    /** Signs with {@code secretKey}; also accepts signatures by {@code fallbackKeys}. */
    Signer(String secretKey, List<String> fallbackKeys) {
        keys.add(secretKey.getBytes(StandardCharsets.UTF_8));
        fallbackKeys.forEach(key -> keys.add(key.getBytes(StandardCharsets.UTF_8)));
    }

    String sign(String purpose, String value) {
        return mac(keys.get(0), purpose, value);
    }

    boolean verify(String purpose, String value, String signature) {
        byte[] given = signature.getBytes(StandardCharsets.UTF_8);
        for (byte[] key : keys) {
            if (MessageDigest.isEqual(given, mac(key, purpose, value).getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private static String mac(byte[] key, String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((purpose + "|").getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
