package dev.calsync.emulator.graph.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What all mailboxes of one emulator share: the clock, the change listener and delta-token validity. */
public final class GraphContext {
    private volatile Clock clock = Clock.systemUTC();
    private final AtomicLong tokenEpoch = new AtomicLong();
    /** Random per run: tokens from an earlier run (whose data is gone) must be refused, not honoured. */
    private final long tokenSalt = new SecureRandom().nextLong();
    private volatile ChangeListener listener = (calendar, changeType, resourceId) -> {};

    /** Told about every stored change, after it is stored. */
    public interface ChangeListener {
        void changed(CalendarStore calendar, String changeType, String eventId);
    }

    public Clock clock() { return clock; }

    public void setClock(Clock clock) { this.clock = clock; }

    public Instant now() { return clock.instant(); }

    public long tokenEpoch() { return tokenEpoch.get(); }

    public void expireAllDeltaTokens() { tokenEpoch.incrementAndGet(); }

    public long tokenSalt() { return tokenSalt; }

    public void onChange(ChangeListener listener) { this.listener = listener; }

    void changed(CalendarStore calendar, String changeType, String eventId) { listener.changed(calendar, changeType, eventId); }
}
