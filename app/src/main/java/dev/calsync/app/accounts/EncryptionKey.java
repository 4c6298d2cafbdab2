package dev.calsync.app.accounts;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The AES-256 key that encrypts OAuth tokens at rest. Comes from {@code CALSYNC_ENCRYPTION_KEY}; never printed. */
public final class EncryptionKey {

    public static final String VARIABLE = "CALSYNC_ENCRYPTION_KEY";
    private static final int BYTES = 32;

    private final byte[] key;

    private EncryptionKey(byte[] key) {
        this.key = key.clone();
    }

    /**
     * The key in {@code env}, empty when the variable is unset or empty.
     *
     * @throws IllegalArgumentException when it is set but not base64 of exactly 32 bytes (the message omits it)
     */
    public static Optional<EncryptionKey> fromEnvironment(Map<String, String> env) {
        String text = env.get(VARIABLE);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(VARIABLE + " is not valid base64");
        }
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException(VARIABLE + " must decode to " + BYTES + " bytes, was " + bytes.length);
        }
        return Optional.of(new EncryptionKey(bytes));
    }

    /** A fresh random key: the demo, whose database is rebuilt on every start. */
    public static EncryptionKey random() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return new EncryptionKey(bytes);
    }

    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptionKey k && Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "EncryptionKey(hidden)";
    }
}
