package dev.calsync.app.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids of connected accounts: a digest of what identifies the account, so they are stable across reconnects,
 * differ between two people connecting the same account, reveal no address, and have the shape config ids take.
 */
final class AccountIds {

    private AccountIds() {
    }

    static String of(String prefix, String... identifying) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", identifying).getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
