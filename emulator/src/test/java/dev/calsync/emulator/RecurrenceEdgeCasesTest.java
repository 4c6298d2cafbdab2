package dev.calsync.emulator;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Recurrence corner cases met while mirroring real calendars (issue 4). */
class RecurrenceEdgeCasesTest extends EmulatorFixture {

    private List<Event> expanded(String from, String to) throws Exception {
        return alice.events().list(ALICE_CAL).setSingleEvents(true).setOrderBy("startTime")
                .setTimeMin(new DateTime(from)).setTimeMax(new DateTime(to)).execute().getItems();
    }

    @Test
    void anUntilBeforeTheStartLeavesOnlyTheFirstOccurrence() throws Exception {
        Event series = alice.events().insert(ALICE_CAL, timed("Odd", "2030-06-03T10:00:00+02:00[Europe/Berlin]", 60)
                .setRecurrence(List.of("RRULE:FREQ=WEEKLY;UNTIL=20300501T000000Z"))).execute();

        assertThat(expanded("2030-01-01T00:00:00Z", "2031-01-01T00:00:00Z")).extracting(Event::getId)
                .containsExactly(series.getId() + "_20300603T080000Z");
        assertThat(alice.events().list(ALICE_CAL).setTimeMin(new DateTime("2030-01-01T00:00:00Z")).execute().getItems())
                .extracting(Event::getId).containsExactly(series.getId());
    }

    @Test
    void aRuleLibRecurCannotExpandIsRefusedAtWriteTimeNotByAFailingList() throws Exception {
        for (String rule : List.of("RRULE:FREQ=WEEKLY;UNTIL=20300701", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")) {
            assertThat(apiError(() -> alice.events().insert(ALICE_CAL, timed("Bad", "2030-06-03T10:00:00+02:00[Europe/Berlin]", 60)
                    .setRecurrence(List.of(rule))).execute()).getStatusCode()).as(rule).isEqualTo(400);
        }
        assertThat(expanded("2030-01-01T00:00:00Z", "2031-01-01T00:00:00Z")).isEmpty();
    }
}
