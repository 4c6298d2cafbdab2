package dev.calsync.emulator.graph;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DeltaTest extends GraphFixture {
    private static final String WINDOW = "?startDateTime=2030-03-01T00:00:00Z&endDateTime=2030-04-01T00:00:00Z";

    private String deltaPath() { return "me/calendars/" + work + "/calendarView/delta" + WINDOW; }

    private String id(String subject, String day) {
        return create(work, timed(subject, "2030-03-" + day + "T09:00:00", "2030-03-" + day + "T10:00:00")).path("id").asText();
    }

    @Test
    void firstRoundPagesThroughNextLinksAndEndsWithADeltaLink() {
        IntStream.rangeClosed(1, 5).forEach(d -> id("E" + d, "0" + d));
        GraphClient client = new GraphClient(emulator.graphUrl(), ALICE_TOKEN).prefer("odata.maxpagesize=2");
        Pages round = readAll(client, deltaPath());
        assertThat(round.pages()).hasSize(3);
        assertThat(round.liveSubjects()).containsExactly("E1", "E2", "E3", "E4", "E5");
        assertThat(round.pages().get(0).path("@odata.nextLink").asText()).contains("$skiptoken=");
        assertThat(round.deltaLink()).contains("/calendarView/delta?$deltatoken=");
        assertThat(round.items().get(0).path("@odata.type").asText()).isEqualTo("#microsoft.graph.event");
    }

    @Test
    void nextRoundBringsOnlyChangesAndRemovalsOfDeletedEvents() {
        String kept = id("Kept", "02");
        String changed = id("Changed", "03");
        String deleted = id("Deleted", "04");
        String link = readAll(alice, deltaPath()).deltaLink();
        alice.patch("me/events/" + changed, GraphClient.json("{'subject':'Changed again'}"));
        alice.delete("me/events/" + deleted);
        id("New", "05");
        Pages next = readAll(alice, link);
        assertThat(next.liveSubjects()).containsExactlyInAnyOrder("Changed again", "New");
        assertThat(next.removedIds()).containsExactly(deleted);
        assertThat(next.ids()).doesNotContain(kept);
        assertThat(next.items().stream().filter(i -> i.has("@removed")).findFirst().orElseThrow()
                .path("@removed").path("reason").asText()).isEqualTo("deleted");
        assertThat(readAll(alice, next.deltaLink()).items()).isEmpty();
    }

    @Test
    void eventMovedOutOfTheWindowComesAsRemoved() {
        String moving = id("Moving", "10");
        String link = readAll(alice, deltaPath()).deltaLink();
        alice.patch("me/events/" + moving, GraphClient.json(
                "{'start':{'dateTime':'2030-05-10T09:00:00','timeZone':'UTC'},'end':{'dateTime':'2030-05-10T10:00:00','timeZone':'UTC'}}"));
        assertThat(readAll(alice, link).removedIds()).containsExactly(moving);
    }

    @Test
    void changeOutsideTheWindowAlsoComesAsRemoved() {
        String link = readAll(alice, deltaPath()).deltaLink();
        String outside = create(work, timed("May", "2030-05-10T09:00:00", "2030-05-10T10:00:00")).path("id").asText();
        Pages next = readAll(alice, link);
        assertThat(next.removedIds()).containsExactly(outside);
        assertThat(next.liveSubjects()).isEmpty();
    }

    @Test
    void roundIsOneSnapshotAndChangesBetweenItsPagesComeInTheNextRound() {
        IntStream.rangeClosed(1, 4).forEach(d -> id("E" + d, "0" + d));
        GraphClient client = new GraphClient(emulator.graphUrl(), ALICE_TOKEN).prefer("odata.maxpagesize=2");
        GraphClient.Answer first = client.get(deltaPath());
        String late = id("Late", "01");
        Pages rest = readAll(client, first.json().path("@odata.nextLink").asText());
        assertThat(rest.liveSubjects()).containsExactly("E3", "E4");
        assertThat(readAll(client, rest.deltaLink()).ids()).containsExactly(late);
    }

    @Test
    void unknownTokenIs410SyncStateNotFound() {
        GraphClient.Answer a = alice.get("me/calendars/" + work + "/calendarView/delta?$deltatoken=bm90LWEtdG9rZW4");
        assertThat(a.status()).isEqualTo(410);
        assertThat(a.errorCode()).isEqualTo("syncStateNotFound");
    }

    @Test
    void expiredTokenIs410WithALocationToStartAgain() {
        id("E1", "01");
        String link = readAll(alice, deltaPath()).deltaLink();
        emulator.faults().expireAllDeltaTokens();
        GraphClient.Answer a = alice.get(link);
        assertThat(a.status()).isEqualTo(410);
        assertThat(a.errorCode()).isEqualTo("syncStateNotFound");
        assertThat(a.header("Location")).contains("/calendarView/delta?startDateTime=2030-03-01T00:00:00Z");
        assertThat(readAll(alice, a.header("Location")).liveSubjects()).containsExactly("E1");
    }

    @Test
    void tokenOfOneCalendarIsRefusedOnAnother() {
        String link = readAll(alice, deltaPath()).deltaLink();
        String token = link.substring(link.indexOf("$deltatoken="));
        assertThat(alice.get("me/calendars/" + side + "/calendarView/delta?" + token).status()).isEqualTo(410);
    }

    @Test
    void queryOptionsAreRefusedOnDelta() {
        for (String option : new String[] {"&$select=subject", "&$filter=subject%20eq%20'x'", "&$orderby=start", "&$top=5"}) {
            GraphClient.Answer a = alice.get(deltaPath() + option);
            assertThat(a.status()).as(option).isEqualTo(400);
            assertThat(a.errorCode()).isEqualTo("ErrorInvalidUrlQuery");
        }
    }

    @Test
    void deltaNeverCarriesExtendedProperties() {
        var marked = timed("Block", "2030-03-05T09:00:00", "2030-03-05T10:00:00");
        marked.putArray("singleValueExtendedProperties").addObject().put("id", MARKER).put("value", "b1");
        create(work, marked);
        Pages round = readAll(alice, deltaPath());
        assertThat(round.items()).hasSize(1);
        assertThat(round.items().get(0).has("singleValueExtendedProperties")).isFalse();
    }

    @Test
    void defaultCalendarDeltaPathServesTheDefaultCalendar() {
        id("Default", "07");
        assertThat(readAll(alice, "me/calendarView/delta" + WINDOW).liveSubjects()).containsExactly("Default");
    }

    @Test
    void userEditsShowUpInTheNextRound() {
        String link = readAll(alice, deltaPath()).deltaLink();
        emulator.userCreate(work, timed("Typed in Outlook", "2030-03-12T09:00:00", "2030-03-12T10:00:00"));
        assertThat(readAll(alice, link).liveSubjects()).containsExactly("Typed in Outlook");
        assertThat(emulator.counters().forMailbox(ALICE, CallKind.CREATE_EVENT)).isZero();
    }
}
