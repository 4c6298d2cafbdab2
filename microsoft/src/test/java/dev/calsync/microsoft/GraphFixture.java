package dev.calsync.microsoft;

import dev.calsync.core.provider.StaticAccessTokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.emulator.graph.GraphEmulator;
import java.time.Duration;
import java.time.Instant;

/**
 * A Graph emulator with one mailbox and the adapter pointed at it: fast retries, no sleeping, every call counted.
 */
final class GraphFixture implements AutoCloseable {
    static final String ACCOUNT = "alice-m365";
    static final String TOKEN = "alice-m365-token";

    private final GraphEmulator emulator;
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final RecordingCallListener calls = new RecordingCallListener();
    private final MicrosoftCalendarProvider provider;
    private int calendars;

    private GraphFixture(MicrosoftCalendarProvider.Builder builder, GraphEmulator emulator) {
        this.emulator = emulator;
        this.provider = builder.graphUrl(emulator.graphUrl()).sleeper(sleeper).callListener(calls).build();
    }

    static GraphFixture start() {
        return start(defaults());
    }

    /** Alice's token, and retries that do not give up before a test's throttling is over. */
    static MicrosoftCalendarProvider.Builder defaults() {
        return MicrosoftCalendarProvider.builder(StaticAccessTokens.of(ACCOUNT, TOKEN))
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofSeconds(30), Duration.ofMinutes(5)));
    }

    static GraphFixture start(MicrosoftCalendarProvider.Builder builder) {
        GraphEmulator emulator = GraphEmulator.start(0);
        emulator.addMailbox(ACCOUNT, TOKEN, "Alice", "alice@contoso.example", "Europe/Berlin");
        return new GraphFixture(builder, emulator);
    }

    GraphEmulator emulator() {
        return emulator;
    }

    MicrosoftCalendarProvider provider() {
        return provider;
    }

    RecordingSleeper sleeper() {
        return sleeper;
    }

    RecordingCallListener calls() {
        return calls;
    }

    CalendarRef newCalendar() {
        calendars++;
        String id = emulator.addCalendar(ACCOUNT, "Calendar " + calendars, calendars == 1);
        return new CalendarRef(ACCOUNT, id);
    }

    /** A person adds an ordinary event in Outlook. */
    ObjectNode personAdds(CalendarRef calendar, String subject, Instant start, Instant end) {
        ObjectNode event = GraphEventJson.timed(subject, start, end);
        return emulator.userCreate(calendar.calendarId(), event);
    }

    @Override
    public void close() {
        emulator.close();
    }
}
