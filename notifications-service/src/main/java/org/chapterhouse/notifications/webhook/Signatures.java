package org.chapterhouse.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Chapterhouse-Signature: sha256=<hex>}: HMAC-SHA256 of the exact request body bytes under the webhook's
 * secret. A receiver recomputes it and compares in constant time; it also checks {@code X-Chapterhouse-Timestamp}
 * is recent and that it has not seen the CloudEvent {@code id} before.
 */
public final class Signatures {

    public static final String SIGNATURE_HEADER = "X-Chapterhouse-Signature";
    public static final String TIMESTAMP_HEADER = "X-Chapterhouse-Timestamp";
    public static final String DELIVERY_HEADER = "X-Chapterhouse-Delivery";

    private Signatures() {
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
