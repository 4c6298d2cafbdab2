package dev.calsync.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Until when the last projection of a group stays what it was: before {@code validUntil}, with the same cached
 * sources, the same block rows and a group whose configuration still has {@code groupDigest}, projecting again
 * gives the same blocks, so a pass that read no change has nothing to do.
 */
public record ProjectionValidity(Instant validUntil, String groupDigest) {
    public ProjectionValidity {
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(groupDigest, "groupDigest");
    }

    /** True when a pass that starts at {@code now} for a group with {@code digest} may rely on it. */
    public boolean covers(Instant now, String digest) {
        return now.isBefore(validUntil) && groupDigest.equals(digest);
    }
}
