package io.productsync.poller.shopify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Shopify-Hmac-Sha256}: the base64 HMAC-SHA256 of the raw body, keyed with the app's API secret key
 * (https://shopify.dev/docs/apps/build/webhooks/verify-deliveries). Compared in constant time.
 */
final class WebhookSignature {

    static boolean valid(byte[] body, String header, String apiSecretKey) {
        if (header == null || apiSecretKey == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(body, apiSecretKey), given);
    }

    static byte[] sign(byte[] body, String apiSecretKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiSecretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private WebhookSignature() {}
}
