package dev.calsync.emulator;

import com.google.api.services.calendar.model.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What tests use to check a client never stores a sync token ahead of what it applied. */
class SequenceInspectionTest extends EmulatorFixture {

    @Test
    void aSyncTokenTellsTheChangeItHasSeenAndEventsTellTheirLatestChange() throws Exception {
        Event first = alice.events().insert(ALICE_CAL, timed("a", tomorrowAt(9), Duration.ofMinutes(30))).execute();
        String token = alice.events().list(ALICE_CAL).execute().getNextSyncToken();
        Event second = alice.events().insert(ALICE_CAL, timed("b", tomorrowAt(11), Duration.ofMinutes(30))).execute();

        long seen = emulator.syncTokenSequence(ALICE_CAL, token);

        assertThat(emulator.changeSequenceOf(ALICE_CAL, first.getId())).isLessThanOrEqualTo(seen);
        assertThat(emulator.changeSequenceOf(ALICE_CAL, second.getId())).isGreaterThan(seen);
        assertThat(emulator.changeSequenceOf(ALICE_CAL, "neverstored1")).isEqualTo(-1);
        assertThat(emulator.syncTokenSequence(BOB_CAL, token)).as("another calendar's token").isEqualTo(-1);
        emulator.faults().expireAllSyncTokens();
        assertThat(emulator.syncTokenSequence(ALICE_CAL, token)).as("expired").isEqualTo(-1);
    }
}
