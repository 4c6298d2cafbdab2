package dev.calsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventKind;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.store.CalendarCommit;
import dev.calsync.core.store.CalendarSyncState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any source event comes back from the cache exactly as it went in, on every database under test.
 * Identifiers, zones and event types come from providers and never hold NUL (PostgreSQL text cannot);
 * summary, recurrence and properties may hold anything, NUL, backslashes, '=' and line feeds included.
 */
class SourceEventRoundTripProperties {

    private static final CalendarRef CALENDAR = new CalendarRef("acct", "cal@example.com");

    @Property(tries = 150)
    void anySourceEventRoundTripsThroughTheCache(@ForAll("eventLists") List<SourceEvent> events) {
        for (TestDatabases.Db db : TestDatabases.list()) {
            JdbcSyncStore store = new JdbcSyncStore(db.dataSource());
            String group = Fixtures.unique("prop");
            CalendarSyncState state = CalendarSyncState.NEW.afterSuccess("token", true, Instant.EPOCH);

            store.commit(group, List.of(new CalendarCommit(CALENDAR, true, events, state)));

            assertThat(store.cachedEvents(group, CALENDAR)).as(db.name()).containsExactlyInAnyOrderElementsOf(events);
            store.deleteGroup(group);
        }
    }

    @Provide
    Arbitrary<List<SourceEvent>> eventLists() {
        return events().list().ofMinSize(1).ofMaxSize(4).uniqueElements(SourceEvent::id);
    }

    static Arbitrary<SourceEvent> events() {
        Arbitrary<EventTime> time = eventTimes();
        Arbitrary<Times> times = Combinators.combine(time, time, time).as(Times::new);
        Arbitrary<Details> details = Combinators.combine(
                Arbitraries.of(EventStatus.class),
                Arbitraries.of(true, false),
                Arbitraries.of(EventKind.class),
                Arbitraries.of(ResponseStatus.class).injectNull(0.3),
                anyText().list().ofMaxSize(4),
                safeText().injectNull(0.5),
                anyText().injectNull(0.3),
                Arbitraries.maps(anyText(), anyText()).ofMaxSize(4)).as(Details::new);
        return Combinators.combine(safeText().filter(s -> !s.isBlank()), times, details, instants().injectNull(0.3),
                        anyText().injectNull(0.4))
                .as((id, t, d, updated, meetingId) -> new SourceEvent(id, d.status, t.start, t.end, d.transparent,
                        d.kind, d.response, d.recurrence, d.recurringEventId, t.originalStart, d.summary, d.properties,
                        updated, meetingId));
    }

    private record Times(EventTime start, EventTime end, EventTime originalStart) { }

    private record Details(EventStatus status, boolean transparent, EventKind kind, ResponseStatus response,
                           List<String> recurrence, String recurringEventId, String summary,
                           Map<String, String> properties) { }

    static Arbitrary<EventTime> eventTimes() {
        Arbitrary<EventTime> timed = Combinators.combine(instants(), safeText().injectNull(0.2)).as(EventTime::at);
        Arbitrary<EventTime> allDay = Arbitraries.longs()
                .between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
                .map(day -> EventTime.on(LocalDate.ofEpochDay(day)));
        return Arbitraries.oneOf(timed, allDay, writtenInGaps()).injectNull(0.2);
    }

    /** Wall-clock times that zones skip, kept as written beside the instant they name (§3.3.5). */
    static Arbitrary<EventTime> writtenInGaps() {
        Arbitrary<String> zone = Arbitraries.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe");
        return Combinators.combine(zone, Arbitraries.integers().between(2020, 2035), Arbitraries.integers().between(0, 29))
                .as((name, year, minute) -> {
                    ZoneId id = ZoneId.of(name);
                    var gap = id.getRules().nextTransition(LocalDate.of(year, 1, 1).atStartOfDay(id).toInstant());
                    if (!gap.isGap()) {
                        gap = id.getRules().nextTransition(gap.getInstant());
                    }
                    LocalDateTime local = gap.getDateTimeBefore().plusMinutes(minute);
                    return new EventTime.Timed(local.atZone(id).toInstant(), name, local);
                });
    }

    static Arbitrary<Instant> instants() {
        return Combinators.combine(
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                        .withDistribution(net.jqwik.api.RandomDistribution.biased()),
                Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
    }

    /** Text a provider may send in identifiers: anything but NUL (and unpaired surrogates). */
    static Arbitrary<String> safeText() {
        return Arbitraries.strings().withCharRange('\u0001', '\u007f').withChars("éß日本€\u00a0\u2028")
                .ofMaxLength(12);
    }

    /** Free text: NUL and the escape characters included. */
    static Arbitrary<String> anyText() {
        return Arbitraries.strings().withCharRange('\u0001', '\u007f').withChars("\u0000\\=\n\r€日")
                .ofMaxLength(12);
    }
}
