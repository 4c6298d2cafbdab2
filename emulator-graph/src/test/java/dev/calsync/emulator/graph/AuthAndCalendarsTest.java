package dev.calsync.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthAndCalendarsTest extends GraphFixture {

    @Test
    void requestWithoutTokenIsRefusedWithInvalidAuthenticationToken() {
        GraphClient.Answer a = new GraphClient(emulator.graphUrl(), null).get("me/calendars");
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.errorCode()).isEqualTo("InvalidAuthenticationToken");
        assertThat(a.json().path("error").path("message").asText()).isNotBlank();
    }

    @Test
    void unknownTokenIsRefusedAndCountedAsUnauthenticated() {
        GraphClient.Answer a = new GraphClient(emulator.graphUrl(), "forged").get("me/calendars");
        assertThat(a.status()).isEqualTo(401);
        assertThat(emulator.counters().forMailbox(CallCounters.UNAUTHENTICATED)).isEqualTo(1);
    }

    @Test
    void eachTokenSeesOnlyItsOwnMailbox() {
        String id = create(work, timed("Secret", "2030-03-04T09:00:00", "2030-03-04T10:00:00")).path("id").asText();
        assertThat(bob.get("me/events/" + id).status()).isEqualTo(404);
        assertThat(bob.get("me/calendars/" + work).status()).isEqualTo(404);
        assertThat(bob.get("users/" + ALICE + "/calendars").status()).isEqualTo(403);
        assertThat(alice.get("users/alice@contoso.example/events/" + id).status()).isEqualTo(200);
    }

    @Test
    void calendarsListNameOwnerAndWhichIsDefault() {
        GraphClient.Answer a = alice.get("me/calendars");
        assertThat(a.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        a.json().path("value").forEach(c -> names.add(c.path("name").asText()));
        assertThat(names).containsExactly("Calendar", "Side projects");
        JsonNode first = a.json().path("value").get(0);
        assertThat(first.path("id").asText()).isEqualTo(work);
        assertThat(first.path("isDefaultCalendar").asBoolean()).isTrue();
        assertThat(first.path("canEdit").asBoolean()).isTrue();
        assertThat(first.path("owner").path("address").asText()).isEqualTo("alice@contoso.example");
        assertThat(a.json().path("value").get(1).path("isDefaultCalendar").asBoolean()).isFalse();
    }

    @Test
    void calendarIsReadByIdAndTheDefaultOneByMeCalendar() {
        assertThat(alice.get("me/calendars/" + side).json().path("name").asText()).isEqualTo("Side projects");
        assertThat(alice.get("me/calendar").json().path("id").asText()).isEqualTo(work);
        assertThat(alice.get("me/calendars/AAMkAnotacalendar").errorCode()).isEqualTo("ErrorItemNotFound");
    }

    @Test
    void calendarIdsStayTheSameAcrossRuns() {
        GraphEmulator other = GraphEmulator.start(0);
        try {
            other.addMailbox(ALICE, ALICE_TOKEN, "Alice", "alice@contoso.example", "UTC");
            assertThat(other.addCalendar(ALICE, "Calendar", true)).isEqualTo(work);
        } finally {
            other.close();
        }
    }

    @Test
    void unknownSegmentIsABadRequest() {
        GraphClient.Answer a = alice.get("me/mailFolders");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("error").path("message").asText()).contains("mailFolders");
    }
}
