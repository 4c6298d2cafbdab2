package dev.calsync.bench;

import dev.calsync.bench.Workload.Change;
import dev.calsync.bench.Workload.EventSpec;
import dev.calsync.bench.Workload.User;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallListener;
import dev.calsync.emulator.FaultScope;
import dev.calsync.emulator.FaultType;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.core.provider.StaticAccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Google Calendar: the emulator and the adapter on the official client; the workload's events are Google's own. */
final class GoogleFace implements CalendarFace {
    /**
     * {@code -Dcalsync.bench.http=socket}: the client talks to the emulator over loopback HTTP with gzip bodies, and
     * the emulator POSTs push notifications to a loopback webhook, as before the in-process transport (to compare); by
     * default requests and notifications are handed over in memory, uncompressed.
     */
    static final boolean SOCKETS = "socket".equals(System.getProperty("calsync.bench.http"));

    final GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(0);

    GoogleFace(Clock clock) {
        emulator.setClock(clock);
    }

    @Override
    public GoogleCalendarProvider provider(Map<String, String> tokens, CallListener calls, Consumer<Duration> backoff,
                                           long seed, CallCpu cpu) {
        GoogleCalendarProvider.Builder builder = GoogleCalendarProvider.builder(new StaticAccessTokens(tokens))
                .rootUrl(emulator.rootUrl()).callListener(calls).sleeper(backoff::accept).jitterSeed(seed);
        if (!SOCKETS) {
            // Every request still goes through the official client and the emulator's HTTP front end, in memory.
            builder.transport(new InProcessTransport(emulator.frontEnd(), cpu)).gzipRequests(false);
        }
        return builder.build();
    }

    @Override
    public List<CalendarRef> seed(User user) {
        user.accounts().forEach(a -> emulator.addAccount(a.id(), a.token()));
        for (int c = 0; c < user.calendars().size(); c++) {
            Workload.Cal cal = user.calendars().get(c);
            emulator.addCalendar(cal.accountId(), cal.calendarId(), "Calendar " + c, c == 0
                    || user.calendars().stream().limit(c).noneMatch(p -> p.accountId().equals(cal.accountId())));
        }
        for (EventSpec event : user.initialEvents()) {
            if (event.recurringEventId() != null && event.summary() == null) {
                emulator.userDelete(event.calendarId(), event.id());
            } else if (event.recurringEventId() != null) {
                emulator.userUpdate(event.calendarId(), event.id(), event.toJson());
            } else {
                emulator.userInsert(event.calendarId(), event.toJson());
            }
        }
        return user.calendars().stream().map(c -> new CalendarRef(c.accountId(), c.calendarId())).toList();
    }

    @Override
    public void apply(Change c) {
        if (c.body() == null) {
            emulator.userDelete(c.calendarId(), c.eventId());
        } else if (c.insert()) {
            emulator.userInsert(c.calendarId(), c.body().toJson());
        } else {
            emulator.userUpdate(c.calendarId(), c.eventId(), c.body().toJson());
        }
    }

    @Override
    public void throttle(String accountId, int count) {
        emulator.faults().failNext(count, FaultType.RATE_LIMIT_EXCEEDED, FaultScope.account(accountId));
    }

    @Override
    public long totalCalls() {
        return emulator.counters().total();
    }

    @Override
    public Map<String, Long> callsByKind() {
        Map<String, Long> kinds = new TreeMap<>();
        for (dev.calsync.emulator.CallKind kind : dev.calsync.emulator.CallKind.values()) {
            long n = emulator.counters().total(kind);
            if (n != 0) {
                kinds.put(kind.name().toLowerCase(Locale.ROOT), n);
            }
        }
        return kinds;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
