package dev.calsync.recurrence;

import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.recurrence.Occurrence;
import dev.calsync.core.recurrence.UnsupportedRecurrenceException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.TimeZone;
import org.dmfs.rfc5545.DateTime;

/**
 * Where a series starts and how long each occurrence lasts, translated between core's {@link EventTime} and
 * lib-recur's {@link DateTime}. Timed series expand in their own IANA zone (so 09:00 Berlin stays 09:00 across
 * DST); all-day series expand as floating dates.
 */
sealed interface SeriesTiming {

    /** The series' first start: DTSTART, which RFC 5545 and Google count as the first instance. */
    DateTime first();

    /** Zone for date-times written without TZID and without 'Z'. */
    TimeZone zone();

    boolean allDay();

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

    /** Parses an IANA zone id strictly: java.util.TimeZone alone would turn an unknown id into GMT silently. */
    static TimeZone timeZone(String id) {
        return TimeZone.getTimeZone(ZoneId.of(id));
    }

    record Timed(TimeZone zone, DateTime first, long durationMillis, String startZoneName, String endZoneName)
            implements SeriesTiming {

        static Timed of(String seriesId, EventTime.Timed start, EventTime.Timed end) {
            TimeZone zone;
            try {
                zone = start.timeZone() == null ? TimeZone.getTimeZone(ZoneOffset.UTC) : SeriesTiming.timeZone(start.timeZone());
            } catch (DateTimeException e) {
                throw new UnsupportedRecurrenceException(
                        "Series " + seriesId + " has an unknown time zone '" + start.timeZone() + "'", e);
            }
            long duration = end.instant().toEpochMilli() - start.instant().toEpochMilli();
            if (duration < 0) {
                throw new UnsupportedRecurrenceException("Series " + seriesId + " ends before it starts", null);
            }
            return new Timed(zone, new DateTime(zone, start.instant().toEpochMilli()), duration,
                    start.timeZone(), end.timeZone());
        }

        @Override
        public boolean allDay() {
            return false;
        }

        @Override
        public DateTime fastForwardPoint(Instant from) {
            return new DateTime(zone, from.toEpochMilli() - durationMillis);
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
        public TimeZone zone() {
            // All-day values are floating dates; a zone is never applied to them.
            return TimeZone.getTimeZone(ZoneOffset.UTC);
        }

        @Override
        public boolean allDay() {
            return true;
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
