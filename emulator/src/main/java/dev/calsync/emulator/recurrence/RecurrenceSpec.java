package dev.calsync.emulator.recurrence;

import dev.calsync.emulator.EmulatorApiException;
import dev.calsync.emulator.store.EventTime;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.InstanceIterator;
import org.dmfs.rfc5545.RecurrenceSet;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recurrenceset.Difference;
import org.dmfs.rfc5545.recurrenceset.Merged;
import org.dmfs.rfc5545.recurrenceset.OfList;
import org.dmfs.rfc5545.recurrenceset.OfRule;
import org.dmfs.rfc5545.recurrenceset.OfRuleAndFirst;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * A series' {@code recurrence} lines turned into a lib-recur {@link RecurrenceSet}. Only the iCalendar property
 * envelope (name, TZID/VALUE parameters) is split here; RRULE/EXRULE values and date lists are parsed by lib-recur.
 * Expansion happens in the series' start time zone, so 09:00 Europe/Berlin stays 09:00 across DST.
 */
public final class RecurrenceSpec {
    /** Guards against rules that produce endless instances outside any window. */
    private static final int MAX_STEPS = 20_000;
    private static final DateTimeFormatter TIMED_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    private final RecurrenceSet set;
    private final EventTime seriesStart;
    private final EventTime seriesEnd;
    private final ZoneId calendarZone;
    private final TimeZone seriesZone;
    private final long durationMillis;
    private final long durationDays;
    private final boolean infinite;

    private RecurrenceSpec(RecurrenceSet set, EventTime start, EventTime end, ZoneId calendarZone, TimeZone seriesZone) {
        this.set = set;
        this.seriesStart = start;
        this.seriesEnd = end;
        this.calendarZone = calendarZone;
        this.seriesZone = seriesZone;
        this.durationMillis = end.epochMillis(calendarZone) - start.epochMillis(calendarZone);
        this.durationDays = start.allDay() ? ChronoUnit.DAYS.between(start.date(), end.date()) : 0;
        this.infinite = set.isInfinite();
    }

    public static RecurrenceSpec parse(List<String> lines, EventTime start, EventTime end, ZoneId calendarZone) {
        if (!start.allDay() && start.timeZone() == null) {
            throw EmulatorApiException.required("Missing time zone definition for start time.");
        }
        TimeZone zone = start.allDay() ? TimeZone.getTimeZone("UTC") : TimeZone.getTimeZone(start.timeZone());
        DateTime first = start.allDay()
                ? DateTime.parse(start.date().format(DATE_SUFFIX))
                : DateTime.parse(zone, start.dateTime().atZoneSameInstant(zone.toZoneId()).toLocalDateTime()
                        .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));
        List<RecurrenceSet> include = new ArrayList<>();
        List<RecurrenceSet> exclude = new ArrayList<>();
        boolean hasRule = false;
        try {
            for (String line : lines) {
                Property p = Property.parse(line);
                switch (p.name()) {
                    case "RRULE" -> {
                        include.add(withFirst(new RecurrenceRule(p.value()), first));
                        hasRule = true;
                    }
                    case "EXRULE" -> exclude.add(new OfRule(new RecurrenceRule(p.value()), first));
                    case "RDATE" -> include.add(dates(p, zone, start.allDay()));
                    case "EXDATE" -> exclude.add(dates(p, zone, start.allDay()));
                    default -> throw EmulatorApiException.invalid("Invalid recurrence rule.");
                }
            }
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            throw EmulatorApiException.invalid("Invalid recurrence rule.");
        }
        if (!hasRule) {
            // RDATE-only series still start with DTSTART, like an iCalendar VEVENT.
            include.add(new OfList(first));
        }
        RecurrenceSet all = include.size() == 1 ? include.get(0) : new Merged(include);
        RecurrenceSet effective = exclude.isEmpty() ? all : new Difference(all, exclude.size() == 1 ? exclude.get(0) : new Merged(exclude));
        try {
            // Expand once now: a rule lib-recur cannot iterate (an UNTIL of another kind than the start, a rule
            // that never matches) is refused at write time, never by a crash of every later list.
            effective.iterator().hasNext();
        } catch (RuntimeException e) {
            throw EmulatorApiException.invalid("Invalid recurrence rule.");
        }
        return new RecurrenceSpec(effective, start, end, calendarZone, zone);
    }

    /**
     * DTSTART is always the first instance (RFC 5545, and what Google shows), even when the rule alone would not
     * produce it. OfRuleAndFirst fails when the rule produces nothing at all (an UNTIL before the start): then the
     * series is its first instance alone.
     */
    private static RecurrenceSet withFirst(RecurrenceRule rule, DateTime first) {
        boolean producesAny;
        try {
            producesAny = rule.iterator(first).hasNext();
        } catch (RuntimeException e) {
            throw EmulatorApiException.invalid("Invalid recurrence rule.");
        }
        return producesAny ? new OfRuleAndFirst(rule, first) : new OfList(first);
    }

    private static RecurrenceSet dates(Property p, TimeZone seriesZone, boolean allDay) {
        String tzid = p.param("TZID");
        if ("DATE".equalsIgnoreCase(p.param("VALUE")) || allDay && !p.value().contains("T")) {
            return new OfList(p.value());
        }
        return new OfList(tzid != null ? TimeZone.getTimeZone(tzid) : seriesZone, p.value());
    }

    public boolean isInfinite() { return infinite; }

    public boolean allDay() { return seriesStart.allDay(); }

    /** Instances overlapping [fromMillis, toMillis) — end after from, start before to — at most max of them. */
    public List<Occurrence> between(long fromMillis, long toMillis, int max) {
        List<Occurrence> result = new ArrayList<>();
        InstanceIterator it = set.iterator();
        it.fastForward(fastForwardPoint(fromMillis - Math.max(durationMillis, 0)));
        int steps = 0;
        while (it.hasNext() && steps++ < MAX_STEPS && result.size() < max) {
            Occurrence o = occurrence(it.next());
            if (o.startMillis() >= toMillis) break;
            if (o.endMillis() > fromMillis || (o.endMillis() == o.startMillis() && o.startMillis() >= fromMillis)) result.add(o);
        }
        return result;
    }

    /** The occurrence whose instance id ends with the given suffix, or null if the series has none there. */
    public Occurrence occurrenceFor(String idSuffix) {
        try {
            DateTime target;
            if (allDay()) {
                if (idSuffix.length() != 8) return null;
                LocalDate.parse(idSuffix, DATE_SUFFIX);
                target = DateTime.parse(idSuffix);
            } else {
                if (idSuffix.length() != 16) return null;
                long millis = Instant.from(TIMED_SUFFIX.parse(idSuffix)).toEpochMilli();
                target = new DateTime(seriesZone, millis);
            }
            InstanceIterator it = set.iterator();
            it.fastForward(target);
            if (!it.hasNext()) return null;
            Occurrence o = occurrence(it.next());
            return o.idSuffix().equals(idSuffix) ? o : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private DateTime fastForwardPoint(long millis) {
        if (allDay()) {
            LocalDate d = Instant.ofEpochMilli(millis).atZone(calendarZone).toLocalDate().minusDays(1);
            return DateTime.parse(d.format(DATE_SUFFIX));
        }
        return new DateTime(seriesZone, millis);
    }

    private Occurrence occurrence(DateTime dt) {
        if (allDay()) {
            LocalDate d = LocalDate.parse(dt.toAllDay().toString(), DATE_SUFFIX);
            EventTime s = EventTime.ofDate(d);
            EventTime e = EventTime.ofDate(d.plusDays(durationDays));
            return new Occurrence(d.format(DATE_SUFFIX), s, e, s.epochMillis(calendarZone), e.epochMillis(calendarZone));
        }
        long start = dt.getTimestamp();
        EventTime s = EventTime.ofInstant(start, seriesStart.timeZone(), calendarZone);
        EventTime e = EventTime.ofInstant(start + durationMillis, seriesEnd.timeZone() != null ? seriesEnd.timeZone() : seriesStart.timeZone(), calendarZone);
        return new Occurrence(TIMED_SUFFIX.format(Instant.ofEpochMilli(start)), s, e, start, start + durationMillis);
    }

    /** Splits "NAME;PARAM=V;...:VALUE" — the iCalendar content-line envelope, not the rule itself. */
    private record Property(String name, String params, String value) {
        static Property parse(String line) {
            int colon = line.indexOf(':');
            if (colon < 0) throw new IllegalArgumentException("no value");
            String head = line.substring(0, colon);
            int semi = head.indexOf(';');
            String name = (semi < 0 ? head : head.substring(0, semi)).trim().toUpperCase(Locale.ROOT);
            return new Property(name, semi < 0 ? "" : head.substring(semi + 1), line.substring(colon + 1).trim());
        }

        String param(String key) {
            for (String kv : params.split(";")) {
                int eq = kv.indexOf('=');
                if (eq > 0 && kv.substring(0, eq).trim().equalsIgnoreCase(key)) return kv.substring(eq + 1).trim();
            }
            return null;
        }
    }
}
