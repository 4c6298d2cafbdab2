package dev.calsync.emulator.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** State shared by all calendars of one emulator: its time source, etag counter and sync-token validity. */
public final class EmulatorContext {
    private volatile Clock clock = Clock.systemUTC();
    private final AtomicLong etagCounter = new AtomicLong(System.currentTimeMillis() * 1000);
    private final AtomicLong tokenEpoch = new AtomicLong();
    /** Random per emulator run: tokens from an earlier run (whose data is gone) must get 410, not be honoured. */
    private final long tokenSalt = new SecureRandom().nextLong();
    private volatile Consumer<String> changeListener = calendarId -> {};

    public Clock clock() { return clock; }
    public void setClock(Clock clock) { this.clock = clock; }
    public long now() { return clock.millis(); }

    /** Google etags are quoted opaque strings; a counter makes each one unique. */
    public String nextEtag() { return "\"" + etagCounter.incrementAndGet() + "\""; }

    public long tokenEpoch() { return tokenEpoch.get(); }
    public void expireAllSyncTokens() { tokenEpoch.incrementAndGet(); }
    public long tokenSalt() { return tokenSalt; }

    public void onChange(Consumer<String> listener) { this.changeListener = listener; }
    void changed(String calendarId) { changeListener.accept(calendarId); }
}
