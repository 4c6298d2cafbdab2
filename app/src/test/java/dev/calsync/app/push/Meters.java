package dev.calsync.app.push;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

/** Totals the push tests read from the application's meters. */
final class Meters {
    private final MeterRegistry registry;

    Meters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** How many times a timer ran with {@code tag=value} (e.g. sync passes by trigger). */
    double timed(String timer, String tag, String value) {
        return Search.in(registry).name(timer).tag(tag, value).timers().stream().mapToDouble(t -> t.count()).sum();
    }

    double counted(String counter, String tag, String value) {
        return Search.in(registry).name(counter).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    double counted(String counter) {
        return Search.in(registry).name(counter).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Every refused webhook request, whatever the reason. */
    double rejected() {
        return Search.in(registry).name("calsync.push.notifications.rejected").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
