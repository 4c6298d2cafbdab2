package dev.calsync.app.schedule;

import java.util.UUID;

/**
 * One pass over one group, as a db-scheduler instance id: {@code poll|group} for the regular poll (one pending per
 * group, so a slow pass never piles polls up), {@code sync|group|n} and {@code full|group|n} for the buttons (each
 * press its own). Ids instead of task data: nothing to serialize, and the id says in the table what is queued.
 */
public record SyncOrder(Kind kind, String groupId, String nonce) {

    public enum Kind { POLL, SYNC, FULL }

    private static final String SEPARATOR = "|";

    public static SyncOrder poll(String groupId) {
        return new SyncOrder(Kind.POLL, groupId, null);
    }

    public static SyncOrder now(String groupId, boolean full) {
        return new SyncOrder(full ? Kind.FULL : Kind.SYNC, groupId, UUID.randomUUID().toString().substring(0, 8));
    }

    public boolean full() {
        return kind == Kind.FULL;
    }

    public String instanceId() {
        String base = kind.name().toLowerCase(java.util.Locale.ROOT) + SEPARATOR + groupId;
        return nonce == null ? base : base + SEPARATOR + nonce;
    }

    public static SyncOrder parse(String instanceId) {
        String[] parts = instanceId.split("\\|", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("not a sync order: " + instanceId);
        }
        return new SyncOrder(Kind.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT)), parts[1],
                parts.length == 3 ? parts[2] : null);
    }
}
