package dev.calsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 3: when Google merges a channel's notifications, a person's change merged with the echo of our own
 * write was absorbed with it and waited for the 6-hour safety poll. Confirming the echo windows of channels seen
 * merging makes that zero; without merging nothing is confirmed, so push costs what it did.
 */
class PushMergingTest {
    private static final BenchOptions OPTIONS = new BenchOptions(20, 1, 1L, 20.0, 0.0, 0.0,
            Set.of(BenchOptions.PUSH, BenchOptions.PUSH_MERGING));

    @Test
    void noPersonsChangeWaitsForTheSafetyPollAndWithoutMergingNothingIsConfirmed() {
        BenchResult confirmed = new Benchmark().run(OPTIONS, ProgressListener.NONE);
        BenchResult unconfirmed = new Benchmark().echoConfirmation(false)
                .run(OPTIONS.withModes(Set.of(BenchOptions.PUSH_MERGING)), ProgressListener.NONE);

        Map<String, Object> merging = push(confirmed.mode(BenchOptions.PUSH_MERGING));
        assertThat((Long) merging.get("changesMergedIntoOneNotification")).isPositive();
        assertThat((Long) merging.get("calendarsSeenMerging")).isPositive();
        assertThat((Long) merging.get("changesDelayedToSafetyPoll")).isZero();
        assertThat(push(unconfirmed.mode(BenchOptions.PUSH_MERGING)).get("changesDelayedToSafetyPoll"))
                .as("the same workload without confirmation").isNotEqualTo(0L);

        ModeResult plain = confirmed.mode(BenchOptions.PUSH);
        assertThat(push(plain)).containsEntry("calendarsSeenMerging", 0L).containsEntry("confirmingLists", 0L)
                .containsEntry("changesDelayedToSafetyPoll", 0L);
        assertThat(plain.ratioToLowerBound()).isBetween(1.0, 1.001);
        assertThat(confirmed.modes().values()).allSatisfy(mode -> assertThat(mode.verifyConsistent()).isTrue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> push(ModeResult mode) {
        return (Map<String, Object>) mode.details().get("push");
    }
}
