package dev.calsync.google;

import java.time.Instant;

/**
 * A push channel Google opened for a calendar: the resource id is needed to stop it, the expiration to
 * renew it in time (channels never renew themselves).
 *
 * @param expiration when Google stops sending notifications, or null if Google did not say
 */
public record WatchChannel(String channelId, String resourceId, Instant expiration) {
}
