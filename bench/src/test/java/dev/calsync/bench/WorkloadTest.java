package dev.calsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.bench.Workload.EventSpec;
import dev.calsync.bench.Workload.User;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadTest {
    private static final BenchOptions OPTIONS = BenchOptions.defaults().withDays(2);

    @Test
    void theSameSeedGivesTheSameUsers() {
        for (int i = 0; i < 20; i++) {
            assertThat(Workload.user(OPTIONS, i)).isEqualTo(Workload.user(OPTIONS, i));
        }
        assertThat(Workload.user(OPTIONS.withSeed(2), 3)).isNotEqualTo(Workload.user(OPTIONS, 3));
    }

    @Test
    void usersLookLikeTheSeedsPopulation() {
        for (int i = 0; i < 50; i++) {
            User user = Workload.user(OPTIONS, i);
            assertThat(user.calendars()).hasSizeBetween(2, 4);
            assertThat(user.accounts()).hasSizeBetween(1, 3);
            Set<String> accounts = user.calendars().stream().map(Workload.Cal::accountId).collect(java.util.stream.Collectors.toSet());
            assertThat(accounts).hasSize(user.accounts().size());
            long busyItems = user.initialEvents().stream()
                    .filter(e -> e.recurringEventId() == null && e.busy()).count();
            // About 136 blocks for the naive poller to rewrite, whatever the number of calendars.
            assertThat(busyItems * user.targets()).isBetween(120L, 160L);
            assertThat(user.initialEvents()).anyMatch(e -> e.rrule() != null);
            assertThat(user.initialEvents()).anyMatch(EventSpec::allDay);
            assertThat(user.initialEvents()).anyMatch(e -> !e.busy());
            assertThat(user.changes()).hasSize(40);
            assertThat(user.changes()).isSortedAccordingTo(java.util.Comparator.comparing(Workload.Change::at));
        }
    }
}
