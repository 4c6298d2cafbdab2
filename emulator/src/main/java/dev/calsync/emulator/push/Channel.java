package dev.calsync.emulator.push;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** A watch channel on one calendar's events. Notifications of a channel are sent one after another, in order. */
final class Channel {
    final String id;
    final String resourceId;
    final String resourceUri;
    final String token;
    final String address;
    final long expirationMillis;
    final String calendarId;
    final String accountId;
    final AtomicLong messageNumber = new AtomicLong();
    volatile boolean stopped;
    /** When the merged notification held back for this channel is due (emulator millis); 0 when none is. */
    volatile long mergedDueMillis;
    /** Tail of this channel's delivery chain; guarded by the channel's monitor. */
    CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    Channel(String id, String resourceId, String resourceUri, String token, String address, long expirationMillis,
            String calendarId, String accountId) {
        this.id = id;
        this.resourceId = resourceId;
        this.resourceUri = resourceUri;
        this.token = token;
        this.address = address;
        this.expirationMillis = expirationMillis;
        this.calendarId = calendarId;
        this.accountId = accountId;
    }
}
