package dev.calsync.core.provider;

import dev.calsync.core.calendar.CalendarRef;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts calls by kind; thread-safe. Hand it to a provider as its listener, read it for reports. */
public final class CallTally implements CallListener {
    private final Map<CallKind, LongAdder> byKind = new ConcurrentHashMap<>();
    private final LongAdder failed = new LongAdder();

    @Override
    public void onCall(CalendarRef calendar, CallKind kind, String outcome) {
        byKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (!"ok".equals(outcome)) {
            failed.increment();
        }
    }

    /** Calls so far by kind, kinds never called left out. */
    public Map<CallKind, Long> snapshot() {
        Map<CallKind, Long> copy = new EnumMap<>(CallKind.class);
        byKind.forEach((kind, count) -> copy.put(kind, count.sum()));
        return copy;
    }

    public long total() {
        return byKind.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long failed() {
        return failed.sum();
    }

    /** Calls made since {@code before} (a snapshot taken earlier), by kind. */
    public Map<CallKind, Long> since(Map<CallKind, Long> before) {
        Map<CallKind, Long> delta = new EnumMap<>(CallKind.class);
        snapshot().forEach((kind, count) -> {
            long d = count - before.getOrDefault(kind, 0L);
            if (d != 0) {
                delta.put(kind, d);
            }
        });
        return delta;
    }
}
