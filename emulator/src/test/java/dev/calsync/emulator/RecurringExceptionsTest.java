package dev.calsync.emulator;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecurringExceptionsTest extends EmulatorFixture {
    private String seriesId;
    private String second;
    private String third;

    @BeforeEach
    void createSeries() throws Exception {
        seriesId = alice.events().insert(ALICE_CAL, timed("Team sync", "2030-06-03T10:00:00+02:00[Europe/Berlin]", 60)
                .setRecurrence(new ArrayList<>(List.of("RRULE:FREQ=WEEKLY;COUNT=4")))).execute().getId();
        second = seriesId + "_20300610T080000Z";
        third = seriesId + "_20300617T080000Z";
    }

    private List<Event> expanded() throws Exception {
        return alice.events().list(ALICE_CAL).setSingleEvents(true).setOrderBy("startTime").execute().getItems();
    }

    @Test
    void getOfAnUnmodifiedInstanceReturnsItWithItsSeriesLink() throws Exception {
        Event instance = alice.events().get(ALICE_CAL, second).execute();
        assertThat(instance.getRecurringEventId()).isEqualTo(seriesId);
        assertThat(instance.getOriginalStartTime().getDateTime().getValue()).isEqualTo(new DateTime("2030-06-10T08:00:00Z").getValue());
    }

    @Test
    void updatingAnInstanceCreatesAnExceptionShownInPlaceOfTheOccurrence() throws Exception {
        Event instance = alice.events().get(ALICE_CAL, second).execute();
        instance.setSummary("Team sync (moved)")
                .setStart(new EventDateTime().setDateTime(new DateTime("2030-06-10T11:00:00+02:00")).setTimeZone(BERLIN))
                .setEnd(new EventDateTime().setDateTime(new DateTime("2030-06-10T12:00:00+02:00")).setTimeZone(BERLIN));

        Event exception = alice.events().update(ALICE_CAL, second, instance).execute();

        assertThat(exception.getId()).isEqualTo(second);
        assertThat(exception.getRecurringEventId()).isEqualTo(seriesId);
        assertThat(exception.getOriginalStartTime().getDateTime().getValue()).isEqualTo(new DateTime("2030-06-10T08:00:00Z").getValue());
        List<Event> items = expanded();
        assertThat(items).extracting(Event::getId).containsExactly(seriesId + "_20300603T080000Z", second, third, seriesId + "_20300624T080000Z");
        assertThat(items.get(1).getSummary()).isEqualTo("Team sync (moved)");
        assertThat(items.get(1).getStart().getDateTime().getValue()).isEqualTo(new DateTime("2030-06-10T09:00:00Z").getValue());
    }

    @Test
    void deletingAnInstanceHidesItAndComesBackFromIncrementalSyncAsACancelledException() throws Exception {
        String token = alice.events().list(ALICE_CAL).execute().getNextSyncToken();

        alice.events().delete(ALICE_CAL, third).execute();
        alice.events().patch(ALICE_CAL, second, new Event().setSummary("patched instance")).execute();

        assertThat(expanded()).extracting(Event::getId).doesNotContain(third).contains(second);
        List<Event> changes = alice.events().list(ALICE_CAL).setSyncToken(token).execute().getItems();
        assertThat(changes).extracting(Event::getId).containsExactlyInAnyOrder(second, third);
        Event cancelled = changes.stream().filter(e -> e.getId().equals(third)).findFirst().orElseThrow();
        assertThat(cancelled.getStatus()).isEqualTo("cancelled");
        assertThat(cancelled.getRecurringEventId()).isEqualTo(seriesId);
        assertThat(cancelled.getOriginalStartTime().getDateTime().getValue()).isEqualTo(new DateTime("2030-06-17T08:00:00Z").getValue());
        Event modified = changes.stream().filter(e -> e.getId().equals(second)).findFirst().orElseThrow();
        assertThat(modified.getSummary()).isEqualTo("patched instance");
        assertThat(modified.getRecurringEventId()).isEqualTo(seriesId);
    }

    @Test
    void fullListWithoutSingleEventsIncludesCancelledInstancesEvenWithoutShowDeleted() throws Exception {
        alice.events().delete(ALICE_CAL, third).execute();

        List<Event> items = alice.events().list(ALICE_CAL).execute().getItems();

        assertThat(items).extracting(Event::getId, Event::getStatus).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(seriesId, "confirmed"), org.assertj.core.groups.Tuple.tuple(third, "cancelled"));
    }

    @Test
    void deletingADeletedInstanceIsGone() throws Exception {
        alice.events().delete(ALICE_CAL, third).execute();
        assertThat(apiError(() -> alice.events().delete(ALICE_CAL, third).execute()).getStatusCode()).isEqualTo(410);
    }

    @Test
    void instanceIdsThatAreNotOccurrencesAreNotFound() {
        String notAnOccurrence = seriesId + "_20300611T080000Z";
        assertThat(apiError(() -> alice.events().update(ALICE_CAL, notAnOccurrence, new Event().setSummary("x")
                .setStart(new EventDateTime().setDateTime(new DateTime("2030-06-11T10:00:00+02:00")))
                .setEnd(new EventDateTime().setDateTime(new DateTime("2030-06-11T11:00:00+02:00")))).execute()).getStatusCode()).isEqualTo(404);
        assertThat(apiError(() -> alice.events().delete(ALICE_CAL, notAnOccurrence).execute()).getStatusCode()).isEqualTo(404);
        assertThat(apiError(() -> alice.events().get(ALICE_CAL, seriesId + "_garbage").execute()).getStatusCode()).isEqualTo(404);
    }

    @Test
    void instancesListsExceptionsAndHidesCancelledOnesUnlessShowDeleted() throws Exception {
        alice.events().patch(ALICE_CAL, second, new Event().setSummary("special")).execute();
        alice.events().delete(ALICE_CAL, third).execute();

        List<Event> visible = alice.events().instances(ALICE_CAL, seriesId).execute().getItems();
        List<Event> all = alice.events().instances(ALICE_CAL, seriesId).setShowDeleted(true).execute().getItems();

        assertThat(visible).extracting(Event::getSummary).containsExactly("Team sync", "special", "Team sync");
        assertThat(all).extracting(Event::getId).contains(third);
    }

    @Test
    void deletingTheSeriesCancelsItsExceptionsToo() throws Exception {
        alice.events().patch(ALICE_CAL, second, new Event().setSummary("special")).execute();
        String token = alice.events().list(ALICE_CAL).execute().getNextSyncToken();

        alice.events().delete(ALICE_CAL, seriesId).execute();

        List<Event> changes = alice.events().list(ALICE_CAL).setSyncToken(token).execute().getItems();
        assertThat(changes).extracting(Event::getId, Event::getStatus).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(seriesId, "cancelled"), org.assertj.core.groups.Tuple.tuple(second, "cancelled"));
        assertThat(expanded()).isEmpty();
    }

    @Test
    void incrementalSyncWithSingleEventsReturnsTheChangedSeriesAsInstances() throws Exception {
        String token = alice.events().list(ALICE_CAL).setSingleEvents(true).execute().getNextSyncToken();
        Event series = alice.events().get(ALICE_CAL, seriesId).execute();

        alice.events().update(ALICE_CAL, seriesId, series.setSummary("Renamed sync")).execute();

        List<Event> changes = alice.events().list(ALICE_CAL).setSingleEvents(true).setSyncToken(token).execute().getItems();
        assertThat(changes).hasSize(4).allSatisfy(e -> {
            assertThat(e.getRecurringEventId()).isEqualTo(seriesId);
            assertThat(e.getSummary()).isEqualTo("Renamed sync");
        });
    }
}
