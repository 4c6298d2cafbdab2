package dev.calsync.emulator;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecurrenceTest extends EmulatorFixture {

    private Event weeklyBerlin(String firstStart, String... extraLines) {
        List<String> lines = new ArrayList<>(List.of("RRULE:FREQ=WEEKLY;COUNT=4"));
        lines.addAll(List.of(extraLines));
        return timed("Weekly sync", firstStart, 60).setRecurrence(lines);
    }

    private static LocalTime berlinTime(EventDateTime t) {
        return Instant.ofEpochMilli(t.getDateTime().getValue()).atZone(ZoneId.of(BERLIN)).toLocalTime();
    }

    @Test
    void weeklySeriesStaysAtNineLocalAcrossTheDstChangeAndInstanceIdsAreUtc() throws Exception {
        // Berlin switches to summer time on 2030-03-31: 09:00 local is 08:00Z before and 07:00Z after.
        Event series = alice.events().insert(ALICE_CAL, weeklyBerlin("2030-03-18T09:00:00+01:00[Europe/Berlin]")).execute();

        List<Event> instances = alice.events().list(ALICE_CAL).setSingleEvents(true).setOrderBy("startTime")
                .setTimeMin(new DateTime("2030-03-01T00:00:00Z")).setTimeMax(new DateTime("2030-05-01T00:00:00Z"))
                .execute().getItems();

        assertThat(instances).extracting(Event::getId).containsExactly(
                series.getId() + "_20300318T080000Z", series.getId() + "_20300325T080000Z",
                series.getId() + "_20300401T070000Z", series.getId() + "_20300408T070000Z");
        assertThat(instances).extracting(e -> berlinTime(e.getStart())).containsOnly(LocalTime.of(9, 0));
        assertThat(instances).extracting(e -> berlinTime(e.getEnd())).containsOnly(LocalTime.of(10, 0));
        assertThat(instances).allSatisfy(i -> {
            assertThat(i.getRecurringEventId()).isEqualTo(series.getId());
            assertThat(i.getOriginalStartTime().getDateTime()).isEqualTo(i.getStart().getDateTime());
            assertThat(i.getRecurrence()).isNull();
        });
    }

    @Test
    void exdateRemovesAnOccurrence() throws Exception {
        Event series = alice.events().insert(ALICE_CAL,
                weeklyBerlin("2030-03-18T09:00:00+01:00[Europe/Berlin]", "EXDATE;TZID=Europe/Berlin:20300325T090000")).execute();

        List<Event> instances = alice.events().instances(ALICE_CAL, series.getId()).execute().getItems();

        // COUNT counts the rule's occurrences before EXDATE removes one (RFC 5545), so 3 of 4 remain.
        assertThat(instances).extracting(Event::getId).containsExactly(
                series.getId() + "_20300318T080000Z", series.getId() + "_20300401T070000Z", series.getId() + "_20300408T070000Z");
    }

    @Test
    void rdateAddsAnOccurrenceAndUntilInUtcEndsTheSeries() throws Exception {
        Event series = alice.events().insert(ALICE_CAL, timed("Until", "2030-01-07T09:00:00+01:00[Europe/Berlin]", 30)
                .setRecurrence(new ArrayList<>(List.of("RRULE:FREQ=WEEKLY;UNTIL=20300115T000000Z", "RDATE;TZID=Europe/Berlin:20300120T150000")))).execute();

        List<Event> instances = alice.events().instances(ALICE_CAL, series.getId()).execute().getItems();

        assertThat(instances).extracting(Event::getId).containsExactly(
                series.getId() + "_20300107T080000Z", series.getId() + "_20300114T080000Z", series.getId() + "_20300120T140000Z");
    }

    @Test
    void allDaySeriesHasDateOnlyInstanceIdsAndHonoursDateExdates() throws Exception {
        Event series = alice.events().insert(ALICE_CAL, new Event().setSummary("Holiday camp")
                .setStart(new EventDateTime().setDate(new DateTime("2030-01-07")))
                .setEnd(new EventDateTime().setDate(new DateTime("2030-01-08")))
                .setRecurrence(new ArrayList<>(List.of("RRULE:FREQ=DAILY;COUNT=5", "EXDATE;VALUE=DATE:20300109")))).execute();

        List<Event> instances = alice.events().instances(ALICE_CAL, series.getId()).execute().getItems();

        assertThat(instances).extracting(Event::getId).containsExactly(series.getId() + "_20300107", series.getId() + "_20300108",
                series.getId() + "_20300110", series.getId() + "_20300111");
        assertThat(instances.get(2).getStart().getDate().toStringRfc3339()).isEqualTo("2030-01-10");
        assertThat(instances.get(2).getEnd().getDate().toStringRfc3339()).isEqualTo("2030-01-11");
    }

    @Test
    void unboundedSeriesIsExpandedOnlyWithinTheWindow() throws Exception {
        Event series = alice.events().insert(ALICE_CAL, timed("Forever", "2030-01-01T12:00:00+01:00[Europe/Berlin]", 30)
                .setRecurrence(new ArrayList<>(List.of("RRULE:FREQ=DAILY")))).execute();

        List<Event> instances = alice.events().list(ALICE_CAL).setSingleEvents(true)
                .setTimeMin(new DateTime("2031-02-10T00:00:00Z")).setTimeMax(new DateTime("2031-02-13T00:00:00Z")).execute().getItems();

        assertThat(instances).extracting(Event::getId).containsExactlyInAnyOrder(series.getId() + "_20310210T110000Z",
                series.getId() + "_20310211T110000Z", series.getId() + "_20310212T110000Z");
    }

    @Test
    void listWithoutSingleEventsReturnsTheSeriesWithItsRecurrence() throws Exception {
        Event series = alice.events().insert(ALICE_CAL, weeklyBerlin("2030-03-18T09:00:00+01:00[Europe/Berlin]")).execute();

        List<Event> items = alice.events().list(ALICE_CAL).execute().getItems();

        assertThat(items).extracting(Event::getId).containsExactly(series.getId());
        assertThat(items.get(0).getRecurrence()).containsExactly("RRULE:FREQ=WEEKLY;COUNT=4");
    }

    @Test
    void recurringTimedEventWithoutTimeZoneOrWithABadRuleIsABadRequest() {
        Event noZone = timed("x", "2030-03-18T09:00:00+01:00[Europe/Berlin]", 30).setRecurrence(new ArrayList<>(List.of("RRULE:FREQ=DAILY")));
        noZone.getStart().setTimeZone(null);
        assertThat(apiError(() -> alice.events().insert(ALICE_CAL, noZone).execute()).getStatusCode()).isEqualTo(400);

        Event badRule = timed("x", "2030-03-18T09:00:00+01:00[Europe/Berlin]", 30).setRecurrence(new ArrayList<>(List.of("RRULE:FREQ=SOMETIMES")));
        assertThat(apiError(() -> alice.events().insert(ALICE_CAL, badRule).execute()).getStatusCode()).isEqualTo(400);
    }
}
