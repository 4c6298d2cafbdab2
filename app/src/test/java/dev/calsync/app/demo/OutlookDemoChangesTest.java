package dev.calsync.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.emulator.graph.GraphEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo's Outlook edits land in the Graph emulator as alice's own, and never touch calsync's blocks. */
class OutlookDemoChangesTest {
    private final GraphEmulator graph = GraphEmulator.start(0);

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void everyEditIsOneChangeOfAPersonsOwnMeetings() {
        graph.loadDemoSeed();
        String calendar = graph.calendarIdsOf("alice-m365").get(0);
        OutlookDemoChanges changes = new OutlookDemoChanges(graph, new Random(3));
        assertThat(changes.calendars()).containsExactly(calendar);

        for (int i = 0; i < 20; i++) {
            long before = graph.changeCount(calendar);
            String made = changes.change(calendar, List.of("Design review"));

            assertThat(made).matches("(new meeting|moved|cancelled|declined) .* on Outlook.*");
            assertThat(graph.changeCount(calendar)).as(made).isGreaterThan(before);
        }
        assertThat(graph.userCalendarView(calendar, Instant.now(), Instant.now().plus(Duration.ofDays(14))))
                .extracting(e -> e.path("subject").asText()).contains("Design review");
    }
}
