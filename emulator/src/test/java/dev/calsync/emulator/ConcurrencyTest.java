package dev.calsync.emulator;

import com.google.api.services.calendar.model.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest extends EmulatorFixture {

    @Test
    void parallelWritersLoseNoEventAndIncrementalSyncSeesEveryOne() throws Exception {
        String token = alice.events().list(ALICE_CAL).execute().getNextSyncToken();
        Set<String> created = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    if (thread % 2 == 0) {
                        created.add(alice.events().insert(ALICE_CAL, timed("api " + thread + "/" + i, tomorrowAt(9), Duration.ofMinutes(15))).execute().getId());
                    } else {
                        created.add(emulator.userInsert(ALICE_CAL, Json.parseObject("{\"summary\":\"user\",\"start\":{\"dateTime\":\"2030-01-01T10:00:00Z\"},"
                                + "\"end\":{\"dateTime\":\"2030-01-01T11:00:00Z\"}}")).get("id").asText());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        List<Event> changes = listAll(alice.events().list(ALICE_CAL).setSyncToken(token).setMaxResults(7)).items();

        assertThat(created).hasSize(90);
        assertThat(changes).extracting(Event::getId).containsExactlyInAnyOrderElementsOf(created);
        assertThat(emulator.changeCount(ALICE_CAL)).isEqualTo(90);
    }
}
