package dev.calsync.core.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Channel tokens: HMAC-SHA256 of the channel id under the server's push secret, base64url (43 characters, short
 * enough for every provider's token field). Nothing needs storing, every node can check a notification, and a
 * token for one channel says nothing about another. Never logged.
 */
public final class ChannelTokens {
    /** The shortest secret accepted: enough that it cannot be found by trying. */
    public static final int MIN_SECRET_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public ChannelTokens(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the push secret must have at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String tokenFor(String channelId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(channelId));
    }

    /** Constant-time comparison of a received token with the one the channel id implies. */
    public boolean matches(String channelId, String token) {
        if (channelId == null || token == null) {
            return false;
        }
        byte[] expected = tokenFor(channelId).getBytes(StandardCharsets.US_ASCII);
        byte[] received = token.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, received);
    }

    private byte[] mac(String channelId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(channelId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "ChannelTokens[***]";
    }
}
