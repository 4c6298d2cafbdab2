package dev.calsync.core.push;

import java.util.Optional;

/** Finds one of calsync's channels by its id (what a notification names). */
@FunctionalInterface
public interface ChannelLookup {
    Optional<ChangeChannel> find(String channelId);
}
