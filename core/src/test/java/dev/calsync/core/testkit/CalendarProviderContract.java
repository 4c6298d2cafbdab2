package dev.calsync.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.DeleteOutcome;
import dev.calsync.core.provider.InsertOutcome;
import dev.calsync.core.provider.ListOutcome;
import dev.calsync.core.provider.UpdateOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the engine relies on from every {@link CalendarProvider}, whatever the service underneath: an adapter's
 * test class extends this, supplies the adapter and an empty calendar on a real server or a faithful emulator,
 * and passes. Identity is calsync's key (the provider may assign ids of its own), writes are idempotent,
 * a refused token is an outcome, and a block's marker and an occurrence's series survive a round trip.
 */
public abstract class CalendarProviderContract {
    /** A Monday well inside any window the tests list from. */
    protected static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    protected static final Instant LONG_AGO = Instant.parse("2025-01-01T00:00:00Z");
    private static final Map<String, String> MARKER = BlockMarker.of("contract-group",
            new CalendarRef("someone", "source"), "source-event").properties();

    /** The adapter under test. */
    protected abstract CalendarProvider provider();

    /** A writable calendar with no events on it, reachable through {@link #provider()}. */
    protected abstract CalendarRef emptyCalendar();

    /** A person adds an ordinary busy event (not a block) to the calendar; returns nothing the test needs. */
    protected abstract void personAddsEvent(CalendarRef calendar, String summary, Instant start, Instant end);

    protected static BlockBody block(Instant start, Duration length, List<String> recurrence) {
        return new BlockBody("Busy", EventTime.at(start, "UTC"), EventTime.at(start.plus(length), "UTC"), recurrence,
                MARKER);
    }

    private static BlockBody block(Instant start) {
        return block(start, Duration.ofHours(1), List.of());
    }

    @Test
    public void anEmptyCalendarListsNothingButGivesAToken() {
        ChangeSet all = provider().listAll(emptyCalendar(), LONG_AGO);

        assertThat(all.events()).isEmpty();
        assertThat(all.nextSyncToken()).isNotBlank();
    }

    @Test
    public void aBlockIsCreatedOnceUnderItsKeyAndListedWithItsMarkerAndTimes() {
        CalendarRef calendar = emptyCalendar();

        InsertOutcome first = provider().insert(calendar, "cscontract0001", block(MONDAY));
        InsertOutcome again = provider().insert(calendar, "cscontract0001", block(MONDAY));

        assertThat(first).isInstanceOf(InsertOutcome.Created.class);
        assertThat(again).isInstanceOf(InsertOutcome.AlreadyExists.class);
        List<SourceEvent> live = live(provider().listAll(calendar, LONG_AGO));
        assertThat(live).hasSize(1);
        SourceEvent listed = live.get(0);
        assertThat(listed.id()).isEqualTo(((InsertOutcome.Created) first).block().idAtProvider());
        assertThat(BlockMarker.keyOf(listed.id(), listed.privateProperties())).isEqualTo("cscontract0001");
        assertThat(BlockMarker.read(listed.privateProperties())).contains(BlockMarker.read(MARKER).orElseThrow());
        assertThat(listed.summary()).isEqualTo("Busy");
        assertThat(listed.start().instant()).isEqualTo(MONDAY);
        assertThat(listed.end().instant()).isEqualTo(MONDAY.plus(Duration.ofHours(1)));
        assertThat(BlockBody.contentHashOf(listed)).isEqualTo(block(MONDAY).contentHash());
    }

    @Test
    public void anUpdateMovesTheBlockInPlaceAndAnUnknownBlockIsNotFound() {
        CalendarRef calendar = emptyCalendar();
        BlockHandle created = ((InsertOutcome.Created) provider().insert(calendar, "cscontract0002", block(MONDAY)))
                .block();

        UpdateOutcome moved = provider().update(calendar, created, block(MONDAY.plus(Duration.ofHours(3))));
        UpdateOutcome missing = provider().update(calendar, BlockHandle.of("csnevermade0001"), block(MONDAY));

        assertThat(moved).isInstanceOf(UpdateOutcome.Updated.class);
        assertThat(missing).isInstanceOf(UpdateOutcome.NotFound.class);
        List<SourceEvent> live = live(provider().listAll(calendar, LONG_AGO));
        assertThat(live).extracting(SourceEvent::id).containsExactly(created.idAtProvider());
        assertThat(live.get(0).start().instant()).isEqualTo(MONDAY.plus(Duration.ofHours(3)));
    }

    @Test
    public void aDeleteIsDoneOnceAndAgainIsAlreadyGone() {
        CalendarRef calendar = emptyCalendar();
        BlockHandle created = ((InsertOutcome.Created) provider().insert(calendar, "cscontract0003", block(MONDAY)))
                .block();

        assertThat(provider().delete(calendar, created)).isEqualTo(DeleteOutcome.DELETED);
        assertThat(provider().delete(calendar, created)).isEqualTo(DeleteOutcome.ALREADY_GONE);
        assertThat(provider().delete(calendar, BlockHandle.of("csnevermade0002"))).isEqualTo(DeleteOutcome.ALREADY_GONE);
        assertThat(live(provider().listAll(calendar, LONG_AGO))).isEmpty();
    }

    @Test
    public void theChangeFeedReportsWritesAndDeletionsUnderTheProvidersIdsAndKeepsItsTokenMoving() {
        CalendarRef calendar = emptyCalendar();
        String token = provider().listAll(calendar, LONG_AGO).nextSyncToken();
        BlockHandle created = ((InsertOutcome.Created) provider().insert(calendar, "cscontract0004", block(MONDAY)))
                .block();
        personAddsEvent(calendar, "Dentist", MONDAY.plus(Duration.ofDays(1)), MONDAY.plus(Duration.ofDays(1).plusHours(1)));

        ChangeSet afterInsert = changes(calendar, token);
        assertThat(live(afterInsert)).extracting(e -> BlockMarker.isBlock(e.privateProperties()))
                .containsExactlyInAnyOrder(true, false);
        assertThat(live(afterInsert)).extracting(SourceEvent::id).contains(created.idAtProvider());

        provider().delete(calendar, created);
        ChangeSet afterDelete = changes(calendar, afterInsert.nextSyncToken());
        assertThat(afterDelete.events()).filteredOn(SourceEvent::cancelled).extracting(SourceEvent::id)
                .containsExactly(created.idAtProvider());
        assertThat(changes(calendar, afterDelete.nextSyncToken()).events()).isEmpty();
    }

    @Test
    public void aTokenTheProviderCannotUseIsAnOutcomeNotAnException() {
        CalendarRef calendar = emptyCalendar();
        provider().listAll(calendar, LONG_AGO);

        assertThat(provider().listChanges(calendar, refusedToken())).isInstanceOf(ListOutcome.FullSyncRequired.class);
    }

    /** A token the provider under test refuses (each provider has its own form of token). */
    protected String refusedToken() {
        return "not-a-token-this-provider-ever-gave";
    }

    @Test
    public void anOccurrenceOfABlockSeriesIsOverriddenAndCancelledThroughTheSeries() {
        CalendarRef calendar = emptyCalendar();
        BlockBody weekly = block(MONDAY, Duration.ofHours(1), List.of("RRULE:FREQ=WEEKLY;COUNT=5"));
        BlockHandle series = ((InsertOutcome.Created) provider().insert(calendar, "cscontract0005", weekly)).block();
        OccurrenceRef second = new OccurrenceRef("cscontract0005", EventTime.at(MONDAY.plus(Duration.ofDays(7)), "UTC"));
        OccurrenceRef third = new OccurrenceRef("cscontract0005", EventTime.at(MONDAY.plus(Duration.ofDays(14)), "UTC"));
        OccurrenceRef none = new OccurrenceRef("cscontract0005", EventTime.at(MONDAY.plus(Duration.ofDays(8)), "UTC"));
        Instant moved = MONDAY.plus(Duration.ofDays(7)).plus(Duration.ofHours(2));

        UpdateOutcome overridden = provider().updateOccurrence(calendar, series, second,
                block(moved, Duration.ofHours(1), List.of()));
        DeleteOutcome cancelled = provider().cancelOccurrence(calendar, series, third);

        assertThat(overridden).isInstanceOf(UpdateOutcome.Updated.class);
        assertThat(cancelled).isEqualTo(DeleteOutcome.DELETED);
        assertThat(provider().cancelOccurrence(calendar, series, third)).isEqualTo(DeleteOutcome.ALREADY_GONE);
        assertThat(provider().updateOccurrence(calendar, series, none, block(moved, Duration.ofHours(1), List.of())))
                .isInstanceOf(UpdateOutcome.NotFound.class);

        List<SourceEvent> all = provider().listAll(calendar, LONG_AGO).events();
        Optional<SourceEvent> override = all.stream().filter(e -> !e.cancelled() && e.recurringEventId() != null)
                .findFirst();
        assertThat(override).isPresent();
        assertThat(override.get().recurringEventId()).isEqualTo(series.idAtProvider());
        assertThat(override.get().originalStartTime().instant()).isEqualTo(second.originalStart().instant());
        assertThat(override.get().start().instant()).isEqualTo(moved);
        assertThat(all.stream().filter(e -> e.id().equals(series.idAtProvider())).findFirst().orElseThrow()
                .recurrence()).containsExactly("RRULE:FREQ=WEEKLY;COUNT=5");
    }

    private ChangeSet changes(CalendarRef calendar, String token) {
        ListOutcome outcome = provider().listChanges(calendar, token);
        assertThat(outcome).isInstanceOf(ListOutcome.Changes.class);
        return ((ListOutcome.Changes) outcome).changes();
    }

    private static List<SourceEvent> live(ChangeSet changes) {
        return changes.events().stream().filter(e -> !e.cancelled()).toList();
    }
}
