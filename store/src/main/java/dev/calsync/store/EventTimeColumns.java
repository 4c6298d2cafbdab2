package dev.calsync.store;

import dev.calsync.core.event.EventTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An {@link EventTime} in three columns {@code <prefix>_instant, <prefix>_zone, <prefix>_date}: a timed moment
 * fills instant (ISO-8601) and zone (may be NULL), an all-day date fills date, no time leaves all three NULL.
 * Exactly one of instant and date is set, so the form is never ambiguous. Where the source's own wall-clock
 * time matters (a start written inside a DST gap, see {@link EventTime.Timed#local()}), a fourth column
 * {@code <prefix>_local} keeps it.
 */
final class EventTimeColumns {

    private EventTimeColumns() {
    }

    static String names(String prefix) {
        return prefix + "_instant, " + prefix + "_zone, " + prefix + "_date";
    }

    /** Appends the values of the three columns, in the order of {@link #names}. */
    static void addValues(List<Object> values, EventTime time) {
        String instant = null;
        String zone = null;
        String date = null;
        if (time instanceof EventTime.Timed timed) {
            instant = TextColumns.instant(timed.instant());
            zone = timed.timeZone();
        } else if (time instanceof EventTime.AllDay allDay) {
            date = allDay.date().toString();
        }
        values.add(instant);
        values.add(zone);
        values.add(date);
    }

    /** The value of {@code <prefix>_local}: the wall-clock time as the source wrote it, when the instant loses it. */
    static String local(EventTime time) {
        return time instanceof EventTime.Timed timed && timed.local() != null ? timed.local().toString() : null;
    }

    /** The time with its {@code <prefix>_local} column, if the row has one set. */
    static EventTime readWithLocal(ResultSet rs, String prefix) throws SQLException {
        EventTime time = read(rs, prefix);
        String local = rs.getString(prefix + "_local");
        if (local == null || !(time instanceof EventTime.Timed timed)) {
            return time;
        }
        return new EventTime.Timed(timed.instant(), timed.timeZone(), LocalDateTime.parse(local));
    }

    static EventTime read(ResultSet rs, String prefix) throws SQLException {
        String instant = rs.getString(prefix + "_instant");
        if (instant != null) {
            return EventTime.at(TextColumns.instant(instant), rs.getString(prefix + "_zone"));
        }
        String date = rs.getString(prefix + "_date");
        return date == null ? null : EventTime.on(LocalDate.parse(date));
    }
}
