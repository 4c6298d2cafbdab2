package dev.calsync.recurrence;

import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.recurrence.Occurrence;
import dev.calsync.core.recurrence.UnsupportedRecurrenceException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.RecurrenceSet;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recurrenceset.OfList;

/**
 * Where a series starts and how long each occurrence lasts, translated between core's {@link EventTime} and
 * lib-recur's {@link DateTime}. Rules always expand in floating wall-clock time (so 09:00 Berlin stays 09:00
 * across DST); a timed series then places each time in its zone ({@link WallClock}), an all-day series keeps
 * its floating dates.
 */
sealed interface SeriesTiming {

    /** The series' first start as lib-recur expands from it: DTSTART, which RFC 5545 and Google count as the first instance. */
    DateTime first();

    boolean allDay();

    /**
     * Re-expresses the rule's UNTIL in the start's kind: lib-recur refuses to iterate when UNTIL and DTSTART differ
     * (date vs date-time, floating vs absolute), and clients do send such rules (e.g. {@code UNTIL=20260301} on a
     * timed series).
     *
     * @return the instant bounding the rule's instances when lib-recur can only be given a looser wall-clock bound, or null
     */
    Instant alignUntil(RecurrenceRule rule);

    /** The instants of a set expanded from {@link #first()}, bounded by an {@link #alignUntil} result. */
    RecurrenceSet place(RecurrenceSet expanded, Instant until, boolean keepsStart);

    /** RDATE/EXDATE values as the instants they name; floating ones are read in {@code zone}, or the series' zone when null. */
    RecurrenceSet place(List<DateTime> values, ZoneId zone);

    /** A point at or before the start of every occurrence that could still end after {@code from}. */
    DateTime fastForwardPoint(Instant from);

    Occurrence occurrence(DateTime instance);

    static SeriesTiming of(SourceEvent series) {
        EventTime start = series.start();
        EventTime end = series.end();
        if (start == null || end == null) {
            throw new UnsupportedRecurrenceException("Series " + series.id() + " has no start or no end", null);
        }
        if (start instanceof EventTime.Timed timedStart && end instanceof EventTime.Timed timedEnd) {
            return Timed.of(series.id(), timedStart, timedEnd);
        }
        if (start instanceof EventTime.AllDay dayStart && end instanceof EventTime.AllDay dayEnd) {
            return AllDay.of(dayStart, dayEnd);
        }
        throw new UnsupportedRecurrenceException(
                "Series " + series.id() + " mixes an all-day and a timed start/end: " + start + " / " + end, null);
    }

    record Timed(WallClock clock, long durationMillis, String startZoneName, String endZoneName)
            implements SeriesTiming {

        static Timed of(String seriesId, EventTime.Timed start, EventTime.Timed end) {
            ZoneId zone;
            try {
                zone = start.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(start.timeZone());
            } catch (DateTimeException e) {
                throw new UnsupportedRecurrenceException(
                        "Series " + seriesId + " has an unknown time zone '" + start.timeZone() + "'", e);
            }
            long duration = end.instant().toEpochMilli() - start.instant().toEpochMilli();
            if (duration < 0) {
                throw new UnsupportedRecurrenceException("Series " + seriesId + " ends before it starts", null);
            }
            // The wall-clock time the source wrote decides the time of day of every later occurrence
            // (RFC 5545 §3.3.10); the instant alone cannot tell 02:30 from 03:30 on a spring-forward day.
            LocalDateTime local = start.local() != null ? start.local() : LocalDateTime.ofInstant(start.instant(), zone);
            return new Timed(new WallClock(zone, local.truncatedTo(ChronoUnit.SECONDS), start.instant()), duration,
                    start.timeZone(), end.timeZone());
        }

        @Override
        public DateTime first() {
            return WallClock.floating(clock.startLocal());
        }

        @Override
        public boolean allDay() {
            return false;
        }

        /**
         * A date means through the end of that day, and a floating date-time that wall-clock time, both in the
         * series' zone. A UTC UNTIL bounds instants: lib-recur gets a wall-clock bound a little later, and the
         * instants are cut in {@link WallClockTimes}, since near a gap wall-clock and instant order differ.
         */
        @Override
        public Instant alignUntil(RecurrenceRule rule) {
            DateTime until = rule.getUntil();
            if (until != null && until.isAllDay()) {
                rule.setUntil(new DateTime(until.getYear(), until.getMonth(), until.getDayOfMonth(), 23, 59, 59));
                return null;
            }
            if (until == null || until.isFloating()) {
                return null;
            }
            Instant instant = Instant.ofEpochMilli(until.getTimestamp());
            rule.setUntil(WallClock.floating(clock.local(instant).plusDays(WallClockTimes.SLACK_DAYS)));
            return instant;
        }

        @Override
        public RecurrenceSet place(RecurrenceSet expanded, Instant until, boolean keepsStart) {
            return new WallClockTimes(expanded, clock, until, keepsStart);
        }

        @Override
        public RecurrenceSet place(List<DateTime> values, ZoneId zone) {
            // In the series' zone, the start's own wall-clock time names the start, as it does in the rule.
            return new OfList(values.stream().map(value -> WallClock.utc(!value.isFloating()
                    ? Instant.ofEpochMilli(value.getTimestamp())
                    : zone == null || zone.equals(clock.zone())
                            ? clock.instant(WallClock.local(value))
                            : WallClock.local(value).atZone(zone).toInstant())).toList());
        }

        @Override
        public DateTime fastForwardPoint(Instant from) {
            return WallClock.utc(from.minusMillis(durationMillis));
        }

        @Override
        public Occurrence occurrence(DateTime instance) {
            Instant start = Instant.ofEpochMilli(instance.getTimestamp());
            EventTime startTime = EventTime.at(start, startZoneName);
            return new Occurrence(startTime, startTime, EventTime.at(start.plusMillis(durationMillis), endZoneName));
        }
    }

    record AllDay(DateTime first, long days) implements SeriesTiming {

        static AllDay of(EventTime.AllDay start, EventTime.AllDay end) {
            long days = ChronoUnit.DAYS.between(start.date(), end.date());
            if (days < 0) {
                throw new UnsupportedRecurrenceException("All-day series ends before it starts: " + start + " / " + end, null);
            }
            return new AllDay(dateTime(start.date()), days);
        }

        @Override
        public boolean allDay() {
            return true;
        }

        /** A date-time UNTIL means its date; one in UTC its UTC date. */
        @Override
        public Instant alignUntil(RecurrenceRule rule) {
            DateTime until = rule.getUntil();
            if (until != null && !until.isAllDay()) {
                rule.setUntil(until.isFloating() ? until.toAllDay() : until.shiftTimeZone(DateTime.UTC).toAllDay());
            }
            return null;
        }

        /** All-day values are floating dates; no zone ever applies to them. */
        @Override
        public RecurrenceSet place(RecurrenceSet expanded, Instant until, boolean keepsStart) {
            return expanded;
        }

        @Override
        public RecurrenceSet place(List<DateTime> values, ZoneId zone) {
            return new OfList(values);
        }

        @Override
        public DateTime fastForwardPoint(Instant from) {
            // One spare day: all-day occurrences are compared at UTC midnight, this must never skip one too many.
            LocalDate date = LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(days + 1);
            return dateTime(date);
        }

        @Override
        public Occurrence occurrence(DateTime instance) {
            LocalDate date = LocalDate.of(instance.getYear(), instance.getMonth() + 1, instance.getDayOfMonth());
            EventTime start = EventTime.on(date);
            return new Occurrence(start, start, EventTime.on(date.plusDays(days)));
        }

        private static DateTime dateTime(LocalDate date) {
            // lib-recur months are 0-based.
            return new DateTime(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
        }
    }
}
