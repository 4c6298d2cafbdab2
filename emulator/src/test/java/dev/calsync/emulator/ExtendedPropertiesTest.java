package dev.calsync.emulator;

import com.google.api.services.calendar.model.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExtendedPropertiesTest extends EmulatorFixture {

    private Event withPrivate(Map<String, String> props) {
        // The Google model deep-copies itself: its maps must be mutable.
        return timed("Busy", tomorrowAt(11), Duration.ofMinutes(30))
                .setExtendedProperties(new Event.ExtendedProperties().setPrivate(new HashMap<>(props)));
    }

    @Test
    void keysLongerThan44CharactersAreSilentlyDropped() throws Exception {
        String ok = "k".repeat(44);
        String tooLong = "k".repeat(45);
        Event created = alice.events().insert(ALICE_CAL, withPrivate(Map.of(ok, "1", tooLong, "2"))).execute();
        assertThat(created.getExtendedProperties().getPrivate()).containsOnlyKeys(ok);
    }

    @Test
    void valuesLongerThan1024CharactersAreSilentlyTruncated() throws Exception {
        Event created = alice.events().insert(ALICE_CAL, withPrivate(Map.of("v", "x".repeat(2000)))).execute();
        assertThat(created.getExtendedProperties().getPrivate().get("v")).hasSize(1024);
    }

    @Test
    void moreThan300PropertiesIsABadRequest() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 301; i++) many.put("p" + i, "v");
        assertThat(apiError(() -> alice.events().insert(ALICE_CAL, withPrivate(many)).execute()).getStatusCode()).isEqualTo(400);
    }

    @Test
    void moreThan32KilobytesOfPropertiesIsABadRequest() {
        Map<String, String> big = new HashMap<>();
        for (int i = 0; i < 40; i++) big.put("p" + i, "v".repeat(1000));
        assertThat(apiError(() -> alice.events().insert(ALICE_CAL, withPrivate(big)).execute()).getStatusCode()).isEqualTo(400);
    }

    @Test
    void privateExtendedPropertyFiltersTheListAndSeveralFiltersAllMustMatch() throws Exception {
        alice.events().insert(ALICE_CAL, withPrivate(Map.of("calsync", "1", "csg", "alice"))).execute();
        alice.events().insert(ALICE_CAL, withPrivate(Map.of("calsync", "1", "csg", "bob"))).execute();
        alice.events().insert(ALICE_CAL, timed("Plain", tomorrowAt(12), Duration.ofMinutes(30))).execute();

        List<Event> group = alice.events().list(ALICE_CAL).setPrivateExtendedProperty(new ArrayList<>(List.of("csg=alice"))).execute().getItems();
        List<Event> both = alice.events().list(ALICE_CAL).setPrivateExtendedProperty(new ArrayList<>(List.of("calsync=1", "csg=bob"))).execute().getItems();

        assertThat(group).extracting(e -> e.getExtendedProperties().getPrivate().get("csg")).containsExactly("alice");
        assertThat(both).extracting(e -> e.getExtendedProperties().getPrivate().get("csg")).containsExactly("bob");
    }

    @Test
    void sharedExtendedPropertyFiltersOnSharedProperties() throws Exception {
        alice.events().insert(ALICE_CAL, timed("Shared", tomorrowAt(13), Duration.ofMinutes(30))
                .setExtendedProperties(new Event.ExtendedProperties().setShared(new HashMap<>(Map.of("team", "blue"))))).execute();
        alice.events().insert(ALICE_CAL, withPrivate(Map.of("team", "blue"))).execute();

        List<Event> items = alice.events().list(ALICE_CAL).setSharedExtendedProperty(new ArrayList<>(List.of("team=blue"))).execute().getItems();

        assertThat(items).extracting(Event::getSummary).containsExactly("Shared");
    }
}
