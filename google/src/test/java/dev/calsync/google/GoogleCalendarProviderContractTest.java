package dev.calsync.google;

import dev.calsync.core.provider.StaticAccessTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.testkit.CalendarProviderContract;
import dev.calsync.emulator.GoogleCalendarEmulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The Google adapter, through the official client against the emulator, keeps the provider contract. */
class GoogleCalendarProviderContractTest extends CalendarProviderContract {
    private static final String ACCOUNT = "alice";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoogleCalendarEmulator emulator;
    private GoogleCalendarProvider provider;
    private int calendars;

    @BeforeEach
    void start() {
        emulator = GoogleCalendarEmulator.start(0);
        emulator.addAccount(ACCOUNT, "alice-token");
        provider = GoogleCalendarProvider.builder(StaticAccessTokens.of(ACCOUNT, "alice-token"))
                .rootUrl(emulator.rootUrl())
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1)))
                .sleeper(millis -> { })
                .build();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Override
    protected CalendarProvider provider() {
        return provider;
    }

    @Override
    protected CalendarRef emptyCalendar() {
        String id = "contract" + (++calendars) + "@example.com";
        emulator.addCalendar(ACCOUNT, id, "Contract " + calendars, calendars == 1);
        return new CalendarRef(ACCOUNT, id);
    }

    @Override
    protected void personAddsEvent(CalendarRef calendar, String summary, Instant start, Instant end) {
        ObjectNode event = JSON.createObjectNode().put("summary", summary);
        event.putObject("start").put("dateTime", start.toString());
        event.putObject("end").put("dateTime", end.toString());
        emulator.userInsert(calendar.calendarId(), event);
    }
}
