package dev.calsync.emulator.graph.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.Json;
import dev.calsync.emulator.graph.store.EventTime;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A change-notification subscription on one calendar's events (or all of a mailbox's). */
final class Subscription {
    final String id;
    final String mailboxId;
    final String userId;
    final String resource;
    /** Calendar watched, or null for all calendars of the mailbox ({@code me/events}). */
    final String calendarId;
    final Set<String> changeTypes;
    final String clientState;
    final String lifecycleNotificationUrl;
    volatile String notificationUrl;
    volatile Instant expiration;
    /** After a reauthorizationRequired challenge, nothing is delivered until the subscription is reauthorized. */
    volatile boolean paused;
    volatile boolean removed;
    /** Tail of the delivery chain: notifications of one subscription go out one after another, in order. */
    CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    Subscription(String id, String mailboxId, String userId, String resource, String calendarId, Set<String> changeTypes,
                 String clientState, String notificationUrl, String lifecycleNotificationUrl, Instant expiration) {
        this.id = id;
        this.mailboxId = mailboxId;
        this.userId = userId;
        this.resource = resource;
        this.calendarId = calendarId;
        this.changeTypes = changeTypes;
        this.clientState = clientState;
        this.notificationUrl = notificationUrl;
        this.lifecycleNotificationUrl = lifecycleNotificationUrl;
        this.expiration = expiration;
    }

    ObjectNode toJson(String contextUrl) {
        ObjectNode n = Json.object();
        n.put("@odata.context", contextUrl);
        n.put("id", id);
        n.put("resource", resource);
        n.put("applicationId", "00000000-0000-0000-0000-00000000ca15");
        n.put("changeType", String.join(",", changeTypes));
        if (clientState == null) n.putNull("clientState");
        else n.put("clientState", clientState);
        n.put("notificationUrl", notificationUrl);
        n.putNull("notificationQueryOptions");
        if (lifecycleNotificationUrl == null) n.putNull("lifecycleNotificationUrl");
        else n.put("lifecycleNotificationUrl", lifecycleNotificationUrl);
        n.put("expirationDateTime", EventTime.formatInstant(expiration));
        n.put("creatorId", userId);
        n.put("includeResourceData", false);
        n.put("latestSupportedTlsVersion", "v1_2");
        n.putNull("encryptionCertificate");
        n.putNull("encryptionCertificateId");
        n.putNull("notificationUrlAppId");
        return n;
    }
}
