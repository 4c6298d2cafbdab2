package dev.calsync.emulator;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.calendar.model.CalendarListEntry;
import com.google.api.services.calendar.model.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthIsolationTest extends EmulatorFixture {

    @Test
    void missingOrUnknownBearerTokenIsUnauthorized() {
        for (String token : new String[] {null, "forged-token"}) {
            GoogleJsonResponseException e = apiError(() -> client(token).events().list("primary").execute());
            assertThat(e.getStatusCode()).isEqualTo(401);
            assertThat(reason(e)).isEqualTo("authError");
        }
    }

    @Test
    void anotherAccountsCalendarDoesNotExistForTheCaller() throws Exception {
        String id = alice.events().insert(ALICE_CAL, timed("Private", tomorrowAt(9), Duration.ofHours(1))).execute().getId();

        GoogleJsonResponseException list = apiError(() -> bob.events().list(ALICE_CAL).execute());
        GoogleJsonResponseException get = apiError(() -> bob.events().get(ALICE_CAL, id).execute());
        GoogleJsonResponseException delete = apiError(() -> bob.events().delete(ALICE_CAL, id).execute());

        assertThat(List.of(list, get, delete)).allSatisfy(e -> {
            assertThat(e.getStatusCode()).isEqualTo(404);
            assertThat(reason(e)).isEqualTo("notFound");
        });
        assertThat(emulator.userGet(ALICE_CAL, id).get("status").asText()).isEqualTo("confirmed");
    }

    @Test
    void primaryIsAnAliasForTheCallersPrimaryCalendar() throws Exception {
        bob.events().insert("primary", timed("Bob's", tomorrowAt(9), Duration.ofHours(1))).execute();

        assertThat(emulator.userListAll(BOB_CAL, false)).extracting(e -> e.get("summary").asText()).containsExactly("Bob's");
        assertThat(alice.events().list("primary").execute().getItems()).isEmpty();
        assertThat(bob.events().list(BOB_CAL).execute().getItems()).extracting(Event::getSummary).containsExactly("Bob's");
    }

    @Test
    void calendarListShowsOnlyTheCallersCalendarsAsOwner() throws Exception {
        List<CalendarListEntry> items = alice.calendarList().list().execute().getItems();

        assertThat(items).extracting(CalendarListEntry::getId).containsExactlyInAnyOrder(ALICE_CAL, ALICE_TEAM_CAL);
        assertThat(items).allSatisfy(c -> {
            assertThat(c.getAccessRole()).isEqualTo("owner");
            assertThat(c.getTimeZone()).isEqualTo(BERLIN);
        });
        assertThat(items).filteredOn(c -> Boolean.TRUE.equals(c.getPrimary())).extracting(CalendarListEntry::getId).containsExactly(ALICE_CAL);
    }
}
