package dev.calsync.emulator;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyncTokenPagingTest extends EmulatorFixture {

    private List<String> insertEvents(int n) throws Exception {
        List<String> ids = new ArrayList<>();
        ZonedDateTime start = tomorrowAt(8);
        for (int i = 0; i < n; i++) {
            ids.add(alice.events().insert(ALICE_CAL, timed("Meeting " + i, start.plusHours(i), Duration.ofMinutes(30))).execute().getId());
        }
        return ids;
    }

    @Test
    void fullSyncPagesThroughEveryEventAndOnlyTheLastPageCarriesTheSyncToken() throws Exception {
        List<String> ids = insertEvents(23);

        Listing listing = listAll(alice.events().list(ALICE_CAL).setMaxResults(5));

        assertThat(listing.pages()).isEqualTo(5);
        assertThat(listing.items()).extracting(Event::getId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(listing.syncTokensOnEarlierPages()).isEmpty();
        assertThat(listing.nextSyncToken()).isNotBlank();
    }

    @Test
    void incrementalSyncReturnsOnlyChangesIncludingDeletedEvents() throws Exception {
        List<String> ids = insertEvents(10);
        String token = listAll(alice.events().list(ALICE_CAL).setMaxResults(4)).nextSyncToken();

        Event moved = alice.events().get(ALICE_CAL, ids.get(2)).execute().setSummary("Moved");
        alice.events().update(ALICE_CAL, moved.getId(), moved).execute();
        alice.events().delete(ALICE_CAL, ids.get(5)).execute();
        String added = alice.events().insert(ALICE_CAL, timed("New", tomorrowAt(20), Duration.ofHours(1))).execute().getId();

        Listing changes = listAll(alice.events().list(ALICE_CAL).setSyncToken(token).setMaxResults(2));

        assertThat(changes.items()).extracting(Event::getId).containsExactlyInAnyOrder(ids.get(2), ids.get(5), added);
        Event deleted = changes.items().stream().filter(e -> e.getId().equals(ids.get(5))).findFirst().orElseThrow();
        assertThat(deleted.getStatus()).isEqualTo("cancelled");
        assertThat(changes.nextSyncToken()).isNotEqualTo(token);

        Events nothing = alice.events().list(ALICE_CAL).setSyncToken(changes.nextSyncToken()).execute();
        assertThat(nothing.getItems()).isEmpty();
        assertThat(nothing.getNextSyncToken()).isNotBlank();
    }

    @Test
    void incrementalSyncIsNotLimitedToTheWindowOfTheFullSync() throws Exception {
        ZonedDateTime farFuture = tomorrowAt(9).plusYears(3);
        String token = alice.events().list(ALICE_CAL)
                .setTimeMin(new com.google.api.client.util.DateTime(System.currentTimeMillis()))
                .setTimeMax(new com.google.api.client.util.DateTime(System.currentTimeMillis() + Duration.ofDays(30).toMillis()))
                .execute().getNextSyncToken();
        String id = alice.events().insert(ALICE_CAL, timed("Far away", farFuture, Duration.ofHours(1))).execute().getId();

        Events changes = alice.events().list(ALICE_CAL).setSyncToken(token).execute();

        assertThat(changes.getItems()).extracting(Event::getId).containsExactly(id);
    }

    @Test
    void changesMadeWhilePagingShowUpInTheNextIncrementalSync() throws Exception {
        List<String> ids = insertEvents(12);
        Events first = alice.events().list(ALICE_CAL).setMaxResults(4).execute();
        // While the client pages: an event it already got changes, one it has not seen yet is deleted, one is added.
        String seen = first.getItems().get(0).getId();
        alice.events().patch(ALICE_CAL, seen, new Event().setSummary("changed mid-paging")).execute();
        String notYetSeen = ids.stream().filter(id -> first.getItems().stream().noneMatch(e -> e.getId().equals(id))).findFirst().orElseThrow();
        emulator.userDelete(ALICE_CAL, notYetSeen);
        String added = emulator.userInsert(ALICE_CAL, Json.parseObject("""
                {"summary":"added mid-paging","start":{"dateTime":"2030-01-01T10:00:00Z"},"end":{"dateTime":"2030-01-01T11:00:00Z"}}""")).get("id").asText();

        Events page = first;
        List<String> served = new ArrayList<>(first.getItems().stream().map(Event::getId).toList());
        while (page.getNextPageToken() != null) {
            page = alice.events().list(ALICE_CAL).setMaxResults(4).setPageToken(page.getNextPageToken()).execute();
            page.getItems().forEach(e -> served.add(e.getId()));
        }
        Events next = alice.events().list(ALICE_CAL).setSyncToken(page.getNextSyncToken()).execute();

        // Every event unchanged during paging was served exactly once ...
        List<String> unchanged = ids.stream().filter(id -> !id.equals(seen) && !id.equals(notYetSeen)).toList();
        assertThat(served).containsAll(unchanged).doesNotHaveDuplicates();
        // ... and every change made meanwhile comes with the next incremental sync.
        assertThat(next.getItems()).extracting(Event::getId).containsExactlyInAnyOrder(seen, notYetSeen, added);
        assertThat(next.getItems()).filteredOn(e -> e.getId().equals(notYetSeen)).extracting(Event::getStatus).containsExactly("cancelled");
    }

    @Test
    void garbageSyncTokenIsGone() {
        GoogleJsonResponseException e = apiError(() -> alice.events().list(ALICE_CAL).setSyncToken("not-a-token").execute());
        assertThat(e.getStatusCode()).isEqualTo(410);
        assertThat(reason(e)).isEqualTo("fullSyncRequired");
    }

    @Test
    void syncTokenOfAnotherCalendarIsGone() throws Exception {
        String token = alice.events().list(ALICE_CAL).execute().getNextSyncToken();
        GoogleJsonResponseException e = apiError(() -> alice.events().list(ALICE_TEAM_CAL).setSyncToken(token).execute());
        assertThat(e.getStatusCode()).isEqualTo(410);
    }

    @Test
    void expireAllSyncTokensFaultMakesTheNextIncrementalSyncGone() throws Exception {
        insertEvents(2);
        String token = alice.events().list(ALICE_CAL).execute().getNextSyncToken();
        emulator.faults().expireAllSyncTokens();

        GoogleJsonResponseException e = apiError(() -> alice.events().list(ALICE_CAL).setSyncToken(token).execute());

        assertThat(e.getStatusCode()).isEqualTo(410);
        assertThat(reason(e)).isEqualTo("fullSyncRequired");
        String fresh = alice.events().list(ALICE_CAL).execute().getNextSyncToken();
        assertThat(alice.events().list(ALICE_CAL).setSyncToken(fresh).execute().getItems()).isEmpty();
    }

    @Test
    void singleEventsMustMatchTheInitialFullSync() throws Exception {
        String token = alice.events().list(ALICE_CAL).setSingleEvents(false).execute().getNextSyncToken();
        GoogleJsonResponseException e = apiError(() -> alice.events().list(ALICE_CAL).setSingleEvents(true).setSyncToken(token).execute());
        assertThat(e.getStatusCode()).isEqualTo(410);
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeMin", "timeMax", "updatedMin", "q", "iCalUID", "orderBy", "privateExtendedProperty", "sharedExtendedProperty"})
    void syncTokenCombinedWithAFilterIsABadRequest(String parameter) throws Exception {
        String token = alice.events().list(ALICE_CAL).execute().getNextSyncToken();
        var request = alice.events().list(ALICE_CAL).setSyncToken(token);
        com.google.api.client.util.DateTime time = new com.google.api.client.util.DateTime("2030-01-01T00:00:00Z");
        switch (parameter) {
            case "timeMin" -> request.setTimeMin(time);
            case "timeMax" -> request.setTimeMax(time);
            case "updatedMin" -> request.setUpdatedMin(time);
            case "q" -> request.setQ("x");
            case "iCalUID" -> request.setICalUID("x@google.com");
            case "orderBy" -> request.setOrderBy("updated");
            case "privateExtendedProperty" -> request.setPrivateExtendedProperty(new ArrayList<>(List.of("a=b")));
            default -> request.setSharedExtendedProperty(new ArrayList<>(List.of("a=b")));
        }

        GoogleJsonResponseException e = apiError(request::execute);

        assertThat(e.getStatusCode()).isEqualTo(400);
    }

    @Test
    void pageSizeCapFaultForcesOneItemPages() throws Exception {
        insertEvents(4);
        emulator.faults().capPageSize(1);

        Listing listing = listAll(alice.events().list(ALICE_CAL).setMaxResults(100));

        assertThat(listing.pages()).isEqualTo(4);
        assertThat(listing.items()).hasSize(4);
        assertThat(listing.nextSyncToken()).isNotNull();
    }

    @Test
    void timeWindowFiltersByEndAfterTimeMinAndStartBeforeTimeMax() throws Exception {
        alice.events().insert(ALICE_CAL, timed("ends at 10", "2030-05-06T09:00:00+02:00[Europe/Berlin]", 60)).execute();
        alice.events().insert(ALICE_CAL, timed("starts at 12", "2030-05-06T12:00:00+02:00[Europe/Berlin]", 60)).execute();
        alice.events().insert(ALICE_CAL, timed("inside", "2030-05-06T10:30:00+02:00[Europe/Berlin]", 30)).execute();

        Events inWindow = alice.events().list(ALICE_CAL)
                .setTimeMin(new com.google.api.client.util.DateTime("2030-05-06T10:00:00+02:00"))
                .setTimeMax(new com.google.api.client.util.DateTime("2030-05-06T12:00:00+02:00")).execute();

        assertThat(inWindow.getItems()).extracting(Event::getSummary).containsExactly("inside");
    }

    @Test
    void orderByStartTimeRequiresSingleEvents() {
        GoogleJsonResponseException e = apiError(() -> alice.events().list(ALICE_CAL).setOrderBy("startTime").execute());
        assertThat(e.getStatusCode()).isEqualTo(400);
    }
}
