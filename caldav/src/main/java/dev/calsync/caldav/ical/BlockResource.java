package dev.calsync.caldav.ical;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.recurrence.Recurrences;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Color;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableClazz;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iCalendar resource of one block: a master VEVENT and, for a series, sibling VEVENTs with RECURRENCE-ID for
 * occurrences that differ. Every VEVENT has the block's fixed form: UID from the block key, SUMMARY the busy
 * title, CLASS:PRIVATE, TRANSP:OPAQUE, the marker and the {@link WrittenForm}; never a DESCRIPTION, LOCATION,
 * ATTENDEE, ORGANIZER or VALARM. Times are written in the source's zone with its VTIMEZONE, or in UTC.
 *
 * <p>Occurrence edits are read-modify-write on the series' resource: {@link #parse} the server's copy, change it,
 * write {@link #text()} back under the ETag it was read with.
 */
public final class BlockResource {
    private static final String PRODID = "-//calsync//calsync block//EN";

    private final String uid;
    private VEvent master;
    private final List<VEvent> overrides;

    private BlockResource(String uid, VEvent master, List<VEvent> overrides) {
        this.uid = uid;
        this.master = master;
        this.overrides = new ArrayList<>(overrides);
    }

    /** @throws IllegalArgumentException when the body cannot be written (an unknown zone, a bad recurrence line) */
    public static BlockResource fresh(String blockKey, BlockBody body, Instant now) {
        return new BlockResource(blockKey, vevent(blockKey, body, null, now), List.of());
    }

    /**
     * The server's copy of a block.
     *
     * @throws MalformedResourceException when it is no iCalendar, or not calsync's: a resource without the marker
     *                                    is never rewritten
     */
    public static BlockResource parse(String ics) throws MalformedResourceException {
        List<VEvent> vevents = IcalText.parse(ics).getComponents(Component.VEVENT);
        List<VEvent> masters = vevents.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isEmpty()).toList();
        if (masters.size() != 1 || !BlockMarker.isBlock(MarkerProperties.read(masters.get(0)))) {
            throw new MalformedResourceException("not a calsync block");
        }
        String uid = masters.get(0).getUid().map(Property::getValue)
                .orElseThrow(() -> new MalformedResourceException("block without UID"));
        return new BlockResource(uid, masters.get(0),
                vevents.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isPresent()).toList());
    }

    /**
     * A new master from the body. For a series, its occurrences that differ and the EXDATEs calsync added to cancel
     * occurrences stay: core keeps them as occurrences of their own and writes them separately.
     */
    public void replaceMaster(BlockBody body, Instant now) {
        Set<String> cancelled = addedExdates();
        VEvent replacement = vevent(uid, body, null, now);
        if (body.recurrence().isEmpty()) {
            overrides.clear();
        } else {
            boolean allDay = body.start() instanceof EventTime.AllDay;
            for (String key : cancelled) {
                // A series turned from timed to all-day (or back) has none of its old occurrences left to cancel.
                if (allDay == isDateKey(key)) {
                    replacement.add(exdate(key, WrittenForm.startZone(replacement)));
                }
            }
        }
        master = replacement;
    }

    /** Is {@code originalStart} an occurrence of the series as written (cancelled ones included)? */
    public boolean hasOccurrence(EventTime originalStart, Recurrences recurrences) {
        SourceEvent series = series();
        if (!series.isSeries()) {
            return false;
        }
        String key = IcalTimes.key(originalStart);
        Instant at = originalStart.instant();
        return recurrences.between(series, at.minusSeconds(1), at.plusSeconds(1)).stream()
                .anyMatch(o -> IcalTimes.key(o.originalStart()).equals(key));
    }

    /** Does the body say nothing but what the series says for that occurrence (core's reset)? */
    public boolean isPlainOccurrence(EventTime originalStart, BlockBody body) {
        SourceEvent series = series();
        return Objects.equals(body.summary(), series.summary()) && body.marker().equals(series.privateProperties())
                && IcalTimes.key(body.start()).equals(IcalTimes.key(originalStart))
                && length(body.start(), body.end()).equals(length(series.start(), series.end()));
    }

    /** Writes one occurrence as a sibling VEVENT (and un-cancels it). */
    public void putOccurrence(EventTime originalStart, BlockBody body, Instant now) {
        resetOccurrence(originalStart);
        overrides.add(vevent(uid, body, recurrenceId(originalStart), now));
    }

    /** Lets the occurrence follow the series again; false when it already did. */
    public boolean resetOccurrence(EventTime originalStart) {
        String key = IcalTimes.key(originalStart);
        boolean changed = overrides.removeIf(o -> key.equals(overrideKey(o)));
        if (addedExdates().contains(key)) {
            master = withoutExdate(master, key);
            changed = true;
        }
        return changed;
    }

    /** Cancels one occurrence with an EXDATE; false when it was cancelled already. */
    public boolean cancelOccurrence(EventTime originalStart) {
        String key = IcalTimes.key(originalStart);
        boolean hadOverride = overrides.removeIf(o -> key.equals(overrideKey(o)));
        Set<String> excluded = RecurrenceProperties.exdates(
                RecurrenceProperties.parse(RecurrenceProperties.lines(master)), IcalTimes.UTC);
        if (excluded.contains(key)) {
            return hadOverride;
        }
        master.add(exdate(key, WrittenForm.startZone(master)));
        return true;
    }

    public String text() {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        List<VEvent> vevents = new ArrayList<>();
        vevents.add(master);
        vevents.addAll(overrides);
        for (String zone : zonesUsed(vevents)) {
            calendar.add(IcalTimes.vtimezone(zone)
                    .orElseThrow(() -> new IllegalArgumentException("no VTIMEZONE for " + zone)).getVTimeZone());
        }
        vevents.forEach(calendar::add);
        StringWriter out = new StringWriter();
        try {
            // Not validating: ical4j's validator refuses X- properties it does not know in some versions.
            new CalendarOutputter(false).output(calendar, out);
        } catch (Exception e) {
            throw new IllegalArgumentException("block cannot be written as iCalendar", e);
        }
        return out.toString();
    }

    private SourceEvent series() {
        try {
            return ResourceEvents.parse(EventIds.resourceName(uid), text(), new ReadContext(Set.of(), IcalTimes.UTC))
                    .get(0);
        } catch (MalformedResourceException e) {
            throw new IllegalStateException("a block we hold cannot be read back", e);
        }
    }

    private Set<String> addedExdates() {
        return AddedExdates.of(WrittenForm.recurrence(master), RecurrenceProperties.lines(master), IcalTimes.UTC)
                .orElse(Set.of());
    }

    private static VEvent vevent(String uid, BlockBody body, RecurrenceId<?> recurrenceId, Instant now) {
        if (body.cancelled() || body.start() == null || body.end() == null) {
            throw new IllegalArgumentException("a block needs a start and an end");
        }
        VEvent event = new VEvent(false);
        event.add(new Uid(uid));
        event.add(new DtStamp(now));
        if (recurrenceId != null) {
            event.add(recurrenceId);
        }
        event.add(new DtStart<>(IcalTimes.toTemporal(body.start())));
        event.add(new DtEnd<>(IcalTimes.toTemporal(body.end())));
        if (body.summary() != null) {
            event.add(new Summary(body.summary()));
        }
        event.add(ImmutableClazz.PRIVATE);
        event.add(ImmutableTransp.OPAQUE);
        if (body.color() != null) {
            event.add(new Color(new ParameterList(), BlockColors.cssName(body.color())));
        }
        List<String> recurrence = recurrenceId == null ? body.recurrence() : List.of();
        RecurrenceProperties.parse(recurrence).forEach(event::add);
        MarkerProperties.of(body.marker()).forEach(event::add);
        WrittenForm.of(body.start(), body.end(), recurrence).forEach(event::add);
        return event;
    }

    /** An occurrence is named in the form of the master's DTSTART (RFC 5545 §3.8.4.4). */
    private RecurrenceId<?> recurrenceId(EventTime originalStart) {
        return new RecurrenceId<>(inMasterForm(IcalTimes.key(originalStart), WrittenForm.startZone(master)));
    }

    private static ExDate<?> exdate(String key, String zone) {
        Temporal value = inMasterForm(key, zone);
        return new ExDate<>(parametersFor(value), new net.fortuna.ical4j.model.DateList<>(value));
    }

    /** Unlike DTSTART, a date list does not name its zone or its date type by itself. */
    private static ParameterList parametersFor(Temporal value) {
        if (value instanceof ZonedDateTime zoned) {
            return new ParameterList(List.of(new TzId(zoned.getZone().getId())));
        }
        if (value instanceof java.time.LocalDate) {
            return new ParameterList(List.of(Value.DATE));
        }
        return new ParameterList();
    }

    private static Temporal inMasterForm(String key, String zone) {
        EventTime time = isDateKey(key) ? EventTime.on(java.time.LocalDate.parse(key)) : EventTime.at(Instant.parse(key), zone);
        return IcalTimes.toTemporal(time);
    }

    private static boolean isDateKey(String key) {
        return key.length() == 10;
    }

    private static VEvent withoutExdate(VEvent master, String key) {
        VEvent copy = master.copy();
        List<Property> kept = new ArrayList<>();
        for (Property property : copy.getProperties(Property.EXDATE)) {
            ExDate<?> exdate = (ExDate<?>) property;
            List<Temporal> rest = exdate.getDates().stream().map(d -> (Temporal) d)
                    .filter(d -> !IcalTimes.key(d, IcalTimes.UTC).equals(key)).toList();
            if (!rest.isEmpty()) {
                kept.add(rest.size() == exdate.getDates().size() ? exdate
                        : new ExDate<>(exdate.getParameterList(), new net.fortuna.ical4j.model.DateList<>(rest)));
            }
        }
        copy.removeAll(Property.EXDATE);
        kept.forEach(copy::add);
        return copy;
    }

    private static String overrideKey(VEvent override) {
        return override.<DateProperty<?>>getProperty(Property.RECURRENCE_ID)
                .map(p -> IcalTimes.key((Temporal) p.getDate(), IcalTimes.UTC)).orElse(null);
    }

    private static Duration length(EventTime start, EventTime end) {
        return Duration.between(start.instant(), end.instant());
    }

    private static Set<String> zonesUsed(List<VEvent> vevents) {
        Set<String> zones = new LinkedHashSet<>();
        for (VEvent vevent : vevents) {
            for (Property property : vevent.getProperties()) {
                Optional<TzId> tzid = property.getParameter(Parameter.TZID);
                tzid.ifPresent(t -> zones.add(t.getValue()));
            }
        }
        return zones;
    }
}
