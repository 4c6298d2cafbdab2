package dev.calsync.core.sync;

import dev.calsync.core.group.SyncGroup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of everything about a group's configuration that the projection reads: a group saved with any other
 * setting (window, title, calendars, mode, policy, rules, whatever the record holds) has another digest, so a
 * stored projection validity no longer covers it.
 */
final class GroupDigest {
    /** Bumped when the projection itself changes meaning, so validities stored by an older engine run out. */
    private static final String ENGINE = "projection-1";

    private GroupDigest() {
    }

    static String of(SyncGroup group, boolean expandsSeries) {
        String text = ENGINE + "\n" + expandsSeries + "\n" + group;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
