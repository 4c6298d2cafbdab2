package dev.calsync.recurrence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.dmfs.rfc5545.DateTime;

/**
 * How the wall-clock times of one zone name instants, read as RFC 5545 §3.3.5 says: a time that occurs twice
 * (autumn) is its first occurrence, a time the zone skips (spring) is read with the offset before the gap, so
 * it lands the gap's length later. java.time's {@code atZone} does exactly that. lib-recur itself reads local
 * times as standard time, so the module hands it only floating times and places them here.
 *
 * <p>The series' own start is the exception: its instant is known, and may be the second of two that share a
 * wall-clock time (a source can write {@code 02:30+01:00}), so the start's wall-clock time always names it.
 */
record WallClock(ZoneId zone, LocalDateTime startLocal, Instant startInstant) {

    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

    /** The instant a wall-clock time of the series names. */
    Instant instant(LocalDateTime local) {
        return local.equals(startLocal) ? startInstant : local.atZone(zone).toInstant();
    }

    /**
     * No wall-clock time at or after {@code local} names an instant before this one. Times increase with
     * their instants except inside a gap: 02:30 in a 02:00→03:00 gap is 03:30, after 03:00–03:29.
     */
    Instant earliestFrom(LocalDateTime local) {
        return zone.getRules().getValidOffsets(local).isEmpty()
                ? zone.getRules().getTransition(local).getInstant()
                : local.atZone(zone).toInstant();
    }

    LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    /** lib-recur's floating form of a wall-clock time (whole seconds, as lib-recur counts). */
    static DateTime floating(LocalDateTime local) {
        return new DateTime((TimeZone) null, local.toEpochSecond(ZoneOffset.UTC) * 1000);
    }

    static LocalDateTime local(DateTime floating) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(floating.getTimestamp()), ZoneOffset.UTC);
    }

    /** lib-recur's form of an absolute instant; every placed value uses it, so lib-recur compares them alike. */
    static DateTime utc(Instant instant) {
        return new DateTime(UTC, instant.toEpochMilli());
    }
}
