package dev.calsync.core.push;

import dev.calsync.core.calendar.CalendarRef;
import java.time.Instant;
import java.util.List;

/** The channels calsync holds, shared by every node so that any of them can check a notification or renew. */
public interface ChannelRegistry extends ChannelLookup {

    /** Files a channel about to be opened, so that its first notification finds it. */
    void opening(String channelId, CalendarRef calendar);

    /** What the provider answered for a channel filed with {@link #opening}; false when the row is gone. */
    boolean opened(String channelId, String handle, Instant expiration);

    List<ChangeChannel> all();

    boolean delete(String channelId);
}
