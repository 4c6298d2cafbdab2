package dev.calsync.emulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ExtendedPropertyFilterTest extends GraphFixture {

    private static ObjectNode marked(String subject, String value) {
        ObjectNode e = timed(subject, "2030-03-04T09:00:00", "2030-03-04T10:00:00");
        if (value != null) e.putArray("singleValueExtendedProperties").addObject().put("id", MARKER).put("value", value);
        return e;
    }

    private static String q(String text) { return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"); }

    @BeforeEach
    void threeEvents() {
        create(work, marked("Block A", "a"));
        create(work, marked("Block B", "b"));
        create(work, marked("Other meeting", null));
    }

    @Test
    void filterOnTheMarkerFindsOnlyMarkedEvents() {
        Pages pages = readAll(alice, "me/calendars/" + work + "/events?$filter="
                + q("singleValueExtendedProperties/Any(ep: ep/id eq '" + MARKER + "')"));
        assertThat(pages.liveSubjects()).containsExactlyInAnyOrder("Block A", "Block B");
    }

    @Test
    void filterOnIdAndValueFindsThatOneEvent() {
        Pages pages = readAll(alice, "me/calendars/" + work + "/events?$filter="
                + q("singleValueExtendedProperties/Any(ep: ep/id eq '" + MARKER + "' and ep/value eq 'b')"));
        assertThat(pages.liveSubjects()).containsExactly("Block B");
    }

    @Test
    void propertyIdsMatchWithoutRegardToCase() {
        Pages pages = readAll(alice, "me/calendars/" + work + "/events?$filter="
                + q("singleValueExtendedProperties/any(ep: ep/id eq '" + MARKER.toLowerCase() + "' and ep/value eq 'a')"));
        assertThat(pages.liveSubjects()).containsExactly("Block A");
    }

    @Test
    void filteredEventsCanExpandTheMatchedProperty() {
        Pages pages = readAll(alice, "me/calendars/" + work + "/events?$filter="
                + q("singleValueExtendedProperties/Any(ep: ep/id eq '" + MARKER + "' and ep/value eq 'a')")
                + "&$expand=" + q("singleValueExtendedProperties($filter=id eq '" + MARKER + "')"));
        assertThat(pages.items().get(0).path("singleValueExtendedProperties").get(0).path("value").asText()).isEqualTo("a");
    }

    @Test
    void patchedPropertyValueReplacesTheOldOne() {
        String id = readAll(alice, "me/calendars/" + work + "/events?$filter="
                + q("singleValueExtendedProperties/Any(ep: ep/id eq '" + MARKER + "' and ep/value eq 'a')")).ids().get(0);
        ObjectNode patch = GraphClient.json("{}");
        patch.putArray("singleValueExtendedProperties").addObject().put("id", MARKER).put("value", "c");
        assertThat(alice.patch("me/events/" + id, patch).status()).isEqualTo(200);
        assertThat(readAll(alice, "me/calendars/" + work + "/events?$filter="
                + q("singleValueExtendedProperties/Any(ep: ep/id eq '" + MARKER + "' and ep/value eq 'c')")).ids()).containsExactly(id);
    }

    @Test
    void badPropertyIdIsRefused() {
        ObjectNode e = timed("Bad", "2030-03-04T09:00:00", "2030-03-04T10:00:00");
        e.putArray("singleValueExtendedProperties").addObject().put("id", "calsync marker").put("value", "x");
        assertThat(alice.post("me/calendars/" + work + "/events", e).status()).isEqualTo(400);
    }

    @Test
    void filterTheEmulatorCannotEvaluateIsRefusedNotIgnored() {
        GraphClient.Answer a = alice.get("me/calendars/" + work + "/events?$filter=" + q("subject eq 'Block A'"));
        assertThat(a.status()).isEqualTo(400);
    }
}
