package dev.calsync.caldav;

import dev.calsync.caldav.dav.Backoff;
import dev.calsync.caldav.dav.Hrefs;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.testkit.CalendarProviderContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CalDAV adapter keeps the provider contract against a real Radicale. */
class CaldavCalendarProviderContractTest extends CalendarProviderContract {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    @RegisterExtension
    static final RadicaleServer radicale = new RadicaleServer();
    private static int events;

    private CaldavCalendarProvider provider;


    @BeforeEach
    void newProvider() {
        provider = CaldavCalendarProvider.builder()
                .account("alice", new CaldavAccount(radicale.root(), "alice", "app-password"))
                .backoff(new Backoff(2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1)))
                .sleeper(wait -> { })
                .build();
    }

    @Override
    protected CalendarProvider provider() {
        return provider;
    }

    @Override
    protected CalendarRef emptyCalendar() {
        return new CalendarRef("alice", radicale.calendar("alice", "contract").getPath());
    }

    @Override
    protected void personAddsEvent(CalendarRef calendar, String summary, Instant start, Instant end) {
        String uid = "person" + (++events);
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//a person's client//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + UTC.format(start) + "\r\nDTEND:" + UTC.format(end)
                + "\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        try {
            radicale.put(Hrefs.member(radicale.root().resolve(calendar.calendarId()), uid + ".ics"), "alice", ics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
