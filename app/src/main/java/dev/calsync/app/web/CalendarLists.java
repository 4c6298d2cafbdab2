package dev.calsync.app.web;

import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each account's calendar list, read from the provider once and then kept, so that looking at pages costs no
 * quota. It is read again when the person presses "Refresh calendar lists", when the account is connected again,
 * and after a day. Kept per node, in memory: another node reads its own copy once.
 */
@Component
public class CalendarLists {

    static final Duration MAX_AGE = Duration.ofDays(1);

    public record Listed(List<CalendarInfo> calendars, Instant readAt) {
        public Listed {
            calendars = List.copyOf(calendars);
        }
    }

    private final CalendarProvider provider;
    private final Clock clock;
    private final Map<String, Listed> byAccount = new ConcurrentHashMap<>();

    public CalendarLists(CalendarProvider provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * The account's list, read from the provider only when none is kept (or it is a day old).
     *
     * @throws ProviderException when it had to be read and could not be; nothing is kept then
     */
    public Listed of(String accountId) {
        Optional<Listed> kept = cached(accountId);
        if (kept.isPresent()) {
            return kept.get();
        }
        Listed read = new Listed(provider.listCalendars(accountId), clock.instant());
        byAccount.put(accountId, read);
        return read;
    }

    /** The kept list, never read from the provider: for what refreshes itself every few seconds. */
    public Optional<Listed> cached(String accountId) {
        Listed kept = byAccount.get(accountId);
        if (kept == null || kept.readAt().plus(MAX_AGE).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(kept);
    }

    /** The next look reads the list afresh. */
    public void forget(String accountId) {
        byAccount.remove(accountId);
    }
}
