package dev.calsync.emulator.graph;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarViewPagingTest extends GraphFixture {
    private static final String VIEW = "/calendarView?startDateTime=2030-03-01T00:00:00Z&endDateTime=2030-04-01T00:00:00Z";

    @BeforeEach
    void twentyFiveEventsInMarch() {
        for (int day = 1; day <= 25; day++) {
            String d = String.format("2030-03-%02d", day);
            create(work, timed("Event " + day, d + "T09:00:00", d + "T10:00:00"));
        }
        create(work, timed("April", "2030-04-02T09:00:00", "2030-04-02T10:00:00"));
    }

    @Test
    void pagesOfTenByDefaultLeadThroughNextLinksToEveryEventInTheWindowInStartOrder() {
        Pages pages = readAll(alice, "me/calendars/" + work + VIEW);
        assertThat(pages.pages()).hasSize(3);
        assertThat(pages.pages().get(0).path("value")).hasSize(10);
        assertThat(pages.liveSubjects()).containsExactlyElementsOf(IntStream.rangeClosed(1, 25).mapToObj(i -> "Event " + i).toList());
        assertThat(pages.deltaLink()).isNull();
    }

    @Test
    void maxPageSizePreferenceSetsThePageSize() {
        GraphClient client = new GraphClient(emulator.graphUrl(), ALICE_TOKEN).prefer("odata.maxpagesize=7");
        Pages pages = readAll(client, "me/calendars/" + work + VIEW);
        assertThat(pages.pages().stream().map(p -> p.path("value").size()).toList()).isEqualTo(List.of(7, 7, 7, 4));
        GraphClient.Answer first = client.get("me/calendars/" + work + VIEW);
        assertThat(first.header("Preference-Applied")).isEqualTo("odata.maxpagesize=7");
    }

    @Test
    void topSetsThePageSizeToo() {
        Pages pages = readAll(alice, "me/calendars/" + work + VIEW + "&$top=20");
        assertThat(pages.pages()).hasSize(2);
        assertThat(pages.items()).hasSize(25);
    }

    @Test
    void windowIsRequired() {
        GraphClient.Answer a = alice.get("me/calendars/" + work + "/calendarView");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errorCode()).isEqualTo("ErrorInvalidParameter");
    }

    @Test
    void eventOverlappingTheWindowEdgeIsListed() {
        create(work, timed("Overnight", "2030-02-28T23:00:00", "2030-03-01T01:00:00"));
        Pages pages = readAll(alice, "me/calendars/" + work + VIEW + "&$top=100");
        assertThat(pages.liveSubjects()).startsWith("Overnight").doesNotContain("April");
    }
}
