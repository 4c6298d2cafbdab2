package dev.calsync.microsoft;

import dev.calsync.core.provider.StaticAccessTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.emulator.graph.FaultScope;
import dev.calsync.emulator.graph.FaultType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Throttling, server errors, refused tokens and unreadable answers, as Graph (the emulator) gives them. */
class FailuresTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private final GraphFixture graph = GraphFixture.start();

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void throttlingIsWaitedOutForAsLongAsRetryAfterSays() {
        CalendarRef calendar = graph.newCalendar();
        graph.emulator().faults().throttleNext(2, 7, FaultScope.ANY);

        graph.provider().listAll(calendar, FROM);

        assertThat(graph.sleeper().waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(graph.calls().calls()).extracting(RecordingCallListener.Call::outcome)
                .startsWith("429", "429", "ok");
    }

    @Test
    void throttlingWithoutRetryAfterBacksOffWithJitterBelowTheDoublingCeiling() {
        CalendarRef calendar = graph.newCalendar();
        graph.emulator().faults().throttleNext(3, null, FaultScope.ANY);

        graph.provider().listAll(calendar, FROM);

        assertThat(graph.sleeper().waits()).hasSize(3);
        for (int retry = 0; retry < 3; retry++) {
            assertThat(graph.sleeper().waits().get(retry)).isBetween(Duration.ZERO, Duration.ofMillis(10L << retry));
        }
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsATransientFailureNamingTheStatus() {
        CalendarRef calendar = graph.newCalendar();
        graph.emulator().faults().throttleNext(10, 1, FaultScope.ANY);

        assertThatThrownBy(() -> graph.provider().listAll(calendar, FROM))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT);
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.getMessage()).contains("ApplicationThrottled").doesNotContain(GraphFixture.TOKEN);
                });
        assertThat(graph.calls().count(CallKind.LIST)).isEqualTo(4);
    }

    @Test
    void serviceUnavailableIsRetried() {
        CalendarRef calendar = graph.newCalendar();
        graph.emulator().faults().failNext(1, FaultType.SERVICE_UNAVAILABLE, FaultScope.ANY);

        graph.provider().listCalendars(GraphFixture.ACCOUNT);

        assertThat(graph.calls().calls()).extracting(RecordingCallListener.Call::outcome).containsExactly("503", "ok");
        assertThat(graph.provider().listCalendars(GraphFixture.ACCOUNT)).extracting(c -> c.id())
                .containsExactly(calendar.calendarId());
    }

    @Test
    void aTokenGraphRefusesIsUnauthorizedWithoutTheTokenInTheMessage() {
        GraphFixture stranger = GraphFixture.start(MicrosoftCalendarProvider.builder(
                StaticAccessTokens.of(GraphFixture.ACCOUNT, "not-alices-token")));
        try {
            assertThatThrownBy(() -> stranger.provider().listCalendars(GraphFixture.ACCOUNT))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
                        assertThat(e.getMessage()).contains("401").doesNotContain("not-alices-token");
                    });
        } finally {
            stranger.close();
        }
    }

    @Test
    void anHtmlPageInsteadOfJsonIsAMalformedAnswerNotAnEmptyCalendar() {
        CalendarRef calendar = graph.newCalendar();
        graph.emulator().faults().failNext(1, FaultType.HTML_PAGE, FaultScope.ANY);

        assertThatThrownBy(() -> graph.provider().listAll(calendar, FROM))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED_RESPONSE));
    }

    @Test
    void aLiveEventWithoutTimesRejectsTheWholeListing() {
        CalendarRef calendar = graph.newCalendar();
        graph.personAdds(calendar, "Dentist", FROM.plus(Duration.ofDays(3)), FROM.plus(Duration.ofDays(3)).plusSeconds(60));
        // The delta round is read first; the view that carries the events comes second.
        graph.emulator().faults().failNext(1, FaultType.MISSING_FIELDS,
                new FaultScope(null, null, dev.calsync.emulator.graph.CallKind.CALENDAR_VIEW));

        assertThatThrownBy(() -> graph.provider().listAll(calendar, FROM))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED_RESPONSE);
                    assertThat(e.getMessage()).doesNotContain("Dentist");
                });
    }
}
