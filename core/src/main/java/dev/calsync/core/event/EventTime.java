package dev.calsync.core.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/** Start or end of an event: a moment with the zone it was written in, or a whole day. */
public sealed interface EventTime {

    /** The instant used for window checks; an all-day date counts from midnight UTC. */
    Instant instant();

    /** Stable text form used in content hashes. */
    String canonical();

    record Timed(Instant instant, String timeZone) implements EventTime {
        public Timed {
            Objects.requireNonNull(instant, "instant");
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
