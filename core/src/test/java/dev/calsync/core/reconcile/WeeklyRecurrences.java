package dev.calsync.core.reconcile;

import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.recurrence.Occurrence;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.recurrence.UnsupportedRecurrenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A test stand-in for the lib-recur adapter (core cannot depend on it): understands exactly
 * {@code RRULE:FREQ=WEEKLY} and {@code RRULE:FREQ=WEEKLY;COUNT=n} on timed series, refuses anything else.
 */
public final class WeeklyRecurrences implements Recurrences {
    @Override
    public List<Occurrence> between(SourceEvent series, Instant from, Instant to) {
        String rule = series.recurrence().get(0);
        int count;
        if (rule.equals("RRULE:FREQ=WEEKLY")) {
            count = Integer.MAX_VALUE;
        } else if (rule.startsWith("RRULE:FREQ=WEEKLY;COUNT=")) {
            count = Integer.parseInt(rule.substring("RRULE:FREQ=WEEKLY;COUNT=".length()));
        } else {
            throw new UnsupportedRecurrenceException("unsupported in this test: " + rule, null);
        }
        Duration length = Duration.between(series.start().instant(), series.end().instant());
        String zone = ((EventTime.Timed) series.start()).timeZone();
        List<Occurrence> result = new ArrayList<>();
        Instant start = series.start().instant();
        for (int i = 0; i < count && start.isBefore(to); i++, start = start.plus(Duration.ofDays(7))) {
            if (start.plus(length).isAfter(from)) {
                EventTime at = EventTime.at(start, zone);
                result.add(new Occurrence(at, at, EventTime.at(start.plus(length), zone)));
            }
        }
        return result;
    }
}
