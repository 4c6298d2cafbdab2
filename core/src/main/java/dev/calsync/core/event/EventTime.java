package dev.calsync.core.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** Start or end of an event: a moment with the zone it was written in, or a whole day. */
public sealed interface EventTime {

    /** The instant used for window checks; an all-day date counts from midnight UTC. */
    Instant instant();

    /** Stable text form used in content hashes. */
    String canonical();

    /**
     * @param local the wall-clock time the source wrote in {@code timeZone}, or null when the instant says it. Only
     *              a time the zone skips (spring forward) is lost in the instant: 02:30 Berlin on the day clocks jump
     *              from 02:00 to 03:00 is the instant of 03:30, yet a daily series starting there recurs at 02:30
     *              (RFC 5545 §3.3.10). It is no part of {@link #canonical()}: the instant and zone are the time.
     */
    record Timed(Instant instant, String timeZone, LocalDateTime local) implements EventTime {
        public Timed {
            Objects.requireNonNull(instant, "instant");
            if (local != null && !namesInstant(local, timeZone, instant)) {
                throw new IllegalArgumentException(local + " in " + timeZone + " is not " + instant);
            }
        }

        public Timed(Instant instant, String timeZone) {
            this(instant, timeZone, null);
        }

        // RFC 5545 §3.3.5 reads a skipped time with the offset before the gap (what atZone does); a repeated
        // time may name either of its instants.
        private static boolean namesInstant(LocalDateTime local, String timeZone, Instant instant) {
            if (timeZone == null) {
                return false;
            }
            ZoneId zone = ZoneId.of(timeZone);
            return local.atZone(zone).toInstant().equals(instant) || LocalDateTime.ofInstant(instant, zone).equals(local);
        }

        @Override
        public String canonical() {
            return instant + (timeZone == null ? "" : "@" + timeZone);
        }
    }

    record AllDay(LocalDate date) implements EventTime {
        public AllDay {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public Instant instant() {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        @Override
        public String canonical() {
            return date.toString();
        }
    }

    static EventTime at(Instant instant, String timeZone) {
        return new Timed(instant, timeZone);
    }

    static EventTime on(LocalDate date) {
        return new AllDay(date);
    }
}
