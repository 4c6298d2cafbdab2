package dev.calsync.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh emulator per test with alice (two calendars, Berlin) and bob, and a client for each. */
abstract class GraphFixture {
    static final String ALICE = "alice-m365";
    static final String ALICE_TOKEN = "alice-token";
    static final String BOB = "bob-m365";
    static final String BOB_TOKEN = "bob-token";
    static final String MARKER = "String {8f1b6f33-1f4e-4c7b-9a43-0c6d2c5a9e11} Name calsyncBlock";

    protected GraphEmulator emulator;
    protected GraphClient alice;
    protected GraphClient bob;
    protected String work;
    protected String side;

    @BeforeEach
    void startEmulator() {
        emulator = GraphEmulator.start(0);
        emulator.addMailbox(ALICE, ALICE_TOKEN, "Alice", "alice@contoso.example", "Europe/Berlin");
        work = emulator.addCalendar(ALICE, "Calendar", true);
        side = emulator.addCalendar(ALICE, "Side projects", false);
        emulator.addMailbox(BOB, BOB_TOKEN, "Bob", "bob@contoso.example", "UTC");
        emulator.addCalendar(BOB, "Calendar", true);
        alice = new GraphClient(emulator.graphUrl(), ALICE_TOKEN);
        bob = new GraphClient(emulator.graphUrl(), BOB_TOKEN);
    }

    @AfterEach
    void stopEmulator() { emulator.close(); }

    static ObjectNode timed(String subject, String start, String end) {
        return GraphClient.json("{'subject':'" + subject + "','start':{'dateTime':'" + start + "','timeZone':'UTC'},"
                + "'end':{'dateTime':'" + end + "','timeZone':'UTC'}}");
    }

    /** Creates through the API and returns the created event. */
    JsonNode create(String calendarId, ObjectNode event) {
        GraphClient.Answer a = alice.post("me/calendars/" + calendarId + "/events", event);
        assertThat(a.status()).as(String.valueOf(a.json())).isEqualTo(201);
        return a.json();
    }

    /** Follows nextLinks to the end, returning every item and the last page. */
    static Pages readAll(GraphClient client, String first) {
        List<JsonNode> items = new ArrayList<>();
        List<JsonNode> pages = new ArrayList<>();
        String next = first;
        JsonNode page = null;
        while (next != null) {
            GraphClient.Answer a = client.get(next);
            assertThat(a.status()).as(String.valueOf(a.json())).isEqualTo(200);
            page = a.json();
            pages.add(page);
            page.path("value").forEach(items::add);
            next = page.path("@odata.nextLink").asText(null);
        }
        return new Pages(items, pages, page);
    }

    record Pages(List<JsonNode> items, List<JsonNode> pages, JsonNode last) {
        String deltaLink() { return last.path("@odata.deltaLink").asText(null); }

        List<String> ids() { return items.stream().map(i -> i.path("id").asText()).toList(); }

        List<String> removedIds() { return items.stream().filter(i -> i.has("@removed")).map(i -> i.path("id").asText()).toList(); }

        List<String> liveSubjects() { return items.stream().filter(i -> !i.has("@removed")).map(i -> i.path("subject").asText()).toList(); }
    }
}
