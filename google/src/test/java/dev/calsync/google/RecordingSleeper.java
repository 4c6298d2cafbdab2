package dev.calsync.google;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the backoff delays instead of sleeping, so retry tests run instantly. */
final class RecordingSleeper implements Sleeper {
    final List<Duration> delays = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        delays.add(duration);
    }
}
