package dev.calsync.emulator;

import com.google.api.services.calendar.model.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class GzipTest extends EmulatorFixture {

    @Test
    void officialClientSendsGzippedBodiesByDefaultAndTheyAreAccepted() throws Exception {
        long before = emulator.counters().gzipRequests();

        Event created = alice.events().insert(ALICE_CAL, timed("Compressed", tomorrowAt(9), Duration.ofHours(1))).execute();

        assertThat(emulator.counters().gzipRequests()).isEqualTo(before + 1);
        assertThat(created.getSummary()).isEqualTo("Compressed");
        assertThat(emulator.userGet(ALICE_CAL, created.getId()).get("summary").asText()).isEqualTo("Compressed");
    }

    @Test
    void plainBodiesAreAcceptedToo() throws Exception {
        var insert = alice.events().insert(ALICE_CAL, timed("Plain", tomorrowAt(9), Duration.ofHours(1)));
        insert.setDisableGZipContent(true);

        Event created = insert.execute();

        assertThat(emulator.counters().gzipRequests()).isZero();
        assertThat(created.getSummary()).isEqualTo("Plain");
    }
}
