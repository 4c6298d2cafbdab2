package dev.calsync.recurrence;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DtStart;

/**
 * The independent engine: ical4j 4.4.0 parses the series as iCalendar text (its own zone definitions, its own
 * reading of TZID values) and expands the rule. The set is (rule ∪ RDATE) − EXDATE, compared by instant; ical4j's
 * own RecurrenceSet compares EXDATEs as ZonedDateTime objects, so a UTC EXDATE would never match a zoned instance.
 * {@link #expand(Set)} can switch ical4j's readings to RFC 5545's ({@link Reading}).
 */
final class Ical4jExpansion {

    private final RandomSeries series;
    private final Temporal seed;
    private final Instant seedInstant;
    private final Set<Instant> rdates;
    private final Set<Instant> exdates;
    private final Map<Set<Reading>, Set<Instant>> expansions = new HashMap<>();
    private final Map<String, Boolean> producesStart = new HashMap<>();

    Ical4jExpansion(RandomSeries series) throws IOException, ParserException {
        this.series = series;
        VEvent event = (VEvent) new CalendarBuilder().build(new StringReader(series.icalendar()))
                .getComponent("VEVENT").orElseThrow();
        DtStart<?> start = (DtStart<?>) event.getProperty(Property.DTSTART).orElseThrow();
        this.seed = start.getDate();
        this.seedInstant = Instant.from(seed);
        this.rdates = dates(event, Property.RDATE);
        this.exdates = dates(event, Property.EXDATE);
    }

    /** Where ical4j reads DTSTART: a start written inside a gap is the time the gap shifts it to. */
    Instant seedInstant() {
        return seedInstant;
    }

    /** The start instants inside the series' window, with the given readings switched to RFC 5545's. */
    Set<Instant> expand(Set<Reading> readings) {
        Set<Reading> own = EnumSet.noneOf(Reading.class);
        own.addAll(readings);
        own.remove(Reading.WRITTEN_START);
        return expansions.computeIfAbsent(own, this::expandAfresh);
    }

    /** Whether the rule has an instance after DTSTART within the window, as far as ical4j looks (1,000 steps). */
    boolean ruleHasLaterInstance() {
        return new Recur<Temporal>(series.rule()).getDates(seed, atSeed(seedInstant), atSeed(upper())).stream()
                .map(Instant::from).anyMatch(seedInstant::isBefore);
    }

    private Set<Instant> expandAfresh(Set<Reading> readings) {
        String rule = readings.contains(Reading.MONDAY_WEEKS) ? series.rule() + ";WKST=MO" : series.rule();
        Set<Instant> result = new TreeSet<>();
        if (readings.contains(Reading.START_COUNTS) && !ruleProducesStart(rule)) {
            result.add(seedInstant);
            Optional<String> count = part(rule, "COUNT");
            if (count.isPresent()) {
                int n = Integer.parseInt(count.get());
                rule = n == 1 ? null : without(rule, "COUNT") + ";COUNT=" + (n - 1);
            }
        }
        if (rule != null) {
            if (readings.contains(Reading.MONTH_LIMITS_INSTANCES)) {
                result.addAll(limited(rule, "BYMONTH", readings));
            } else if (readings.contains(Reading.ORDINAL_DAY_OF_MONTH)) {
                result.addAll(limited(rule, "BYMONTHDAY", readings));
            } else {
                result.addAll(rule(rule, readings, lower()));
            }
        }
        result.addAll(rdates);
        result.removeAll(exdates);
        result.removeIf(instant -> !instant.isAfter(series.from()) || !instant.isBefore(series.to()));
        return result;
    }

    /** Whether DTSTART is an instance of its own rule, as ical4j sees it. */
    boolean ruleProducesStart(String rule) {
        return producesStart.computeIfAbsent(rule, this::producesStartAfresh);
    }

    private boolean producesStartAfresh(String rule) {
        List<Temporal> around = new Recur<Temporal>(rule).getDates(seed, atSeed(seedInstant.minusSeconds(1)),
                atSeed(seedInstant.plusSeconds(1)));
        return around.stream().map(Instant::from).anyMatch(seedInstant::equals);
    }

    private Set<Instant> rule(String rule, Set<Reading> readings, Instant from) {
        boolean unlimited = readings.contains(Reading.NO_STEP_LIMIT);
        if (readings.contains(Reading.WALL_CLOCK_STEPS) || readings.contains(Reading.ZONED_ARITHMETIC)) {
            return wallClockRule(rule, from, unlimited);
        }
        return Ical4jExpansion.<Temporal>recur(rule, unlimited).getDates(seed, atSeed(from), atSeed(upper()))
                .stream().map(Instant::from).collect(Collectors.toSet());
    }

    /**
     * The rule expanded from DTSTART's wall-clock time, each time then read in the zone as RFC 5545 §3.3.5 says
     * (the start's own time naming the start), instead of ical4j's ZonedDateTime arithmetic: hours added as
     * elapsed time, and fields adjusted one by one. A UTC UNTIL bounds instants, so it is applied to them.
     */
    private Set<Instant> wallClockRule(String rule, Instant from, boolean unlimited) {
        ZoneId zone = series.zoneId();
        LocalDateTime localSeed = LocalDateTime.ofInstant(seedInstant, zone);
        Optional<Instant> until = part(rule, "UNTIL")
                .map(value -> LocalDateTime.parse(value, RandomSeries.UTC_FORM).toInstant(ZoneOffset.UTC));
        return Ical4jExpansion.<LocalDateTime>recur(without(rule, "UNTIL"), unlimited)
                .getDates(localSeed, LocalDateTime.ofInstant(from, zone).minusDays(2),
                        LocalDateTime.ofInstant(upper(), zone).plusDays(2)).stream()
                .map(local -> local.equals(localSeed) ? seedInstant : local.atZone(zone).toInstant())
                .filter(instant -> until.isEmpty() || !instant.isAfter(until.get()))
                .collect(Collectors.toSet());
    }

    /**
     * ical4j's instances of the rule without one BYxxx part, that part then applied to each instance as the limit
     * RFC 5545 §3.3.10 makes it (BYMONTH in a WEEKLY rule, BYMONTHDAY next to an ordinal BYDAY), and COUNT counted
     * over what is left.
     */
    private Set<Instant> limited(String rule, String name, Set<Reading> readings) {
        Set<Integer> values = Arrays.stream(part(rule, name).orElseThrow().split(","))
                .map(Integer::valueOf).collect(Collectors.toSet());
        String unlimited = without(rule, "COUNT");
        // A YEARLY rule without BYMONTH takes the month from DTSTART, as both engines read YEARLY;BYMONTHDAY.
        int startMonth = LocalDateTime.ofInstant(seedInstant, series.zoneId()).getMonthValue();
        boolean startMonthOnly = name.equals("BYMONTHDAY") && rule.contains("FREQ=YEARLY") && part(rule, "BYMONTH").isEmpty();
        Stream<Instant> limited = rule(without(unlimited, name), readings, seedInstant.minusSeconds(1))
                .stream().sorted().filter(instant -> {
                    LocalDate date = LocalDateTime.ofInstant(instant, series.zoneId()).toLocalDate();
                    return name.equals("BYMONTH") ? values.contains(date.getMonthValue())
                            : (values.contains(date.getDayOfMonth()) || values.contains(date.getDayOfMonth() - date.lengthOfMonth() - 1))
                                    && (!startMonthOnly || date.getMonthValue() == startMonth);
                });
        Optional<String> count = part(rule, "COUNT");
        return (count.isPresent() ? limited.limit(Long.parseLong(count.get())) : limited).collect(Collectors.toSet());
    }

    /**
     * ical4j's rule, optionally without its limit of 1,000 steps that produce no instance: the limit is read from a
     * system property when the rule is constructed, so it is lifted only for that moment.
     */
    private static <T extends Temporal> Recur<T> recur(String rule, boolean unlimitedSteps) {
        if (!unlimitedSteps) {
            return new Recur<>(rule);
        }
        String previous = System.getProperty(Recur.KEY_MAX_INCREMENT_COUNT);
        System.setProperty(Recur.KEY_MAX_INCREMENT_COUNT, String.valueOf(Integer.MAX_VALUE));
        try {
            return new Recur<>(rule);
        } finally {
            if (previous == null) {
                System.clearProperty(Recur.KEY_MAX_INCREMENT_COUNT);
            } else {
                System.setProperty(Recur.KEY_MAX_INCREMENT_COUNT, previous);
            }
        }
    }

    private static Optional<String> part(String rule, String name) {
        return Arrays.stream(rule.split(";")).filter(p -> p.startsWith(name + "=")).map(p -> p.substring(name.length() + 1)).findFirst();
    }

    private static String without(String rule, String name) {
        return Arrays.stream(rule.split(";")).filter(p -> !p.startsWith(name + "=")).collect(Collectors.joining(";"));
    }

    private Instant lower() {
        return series.from().minus(Duration.ofDays(1));
    }

    private Instant upper() {
        return series.to().plus(Duration.ofDays(1));
    }

    private Temporal atSeed(Instant instant) {
        if (seed instanceof ZonedDateTime zoned) {
            return instant.atZone(zoned.getZone());
        }
        return instant.atOffset(((OffsetDateTime) seed).getOffset());
    }

    private static Set<Instant> dates(VEvent event, String name) {
        Set<Instant> instants = new TreeSet<>();
        for (Property property : event.getProperties(name)) {
            for (Object value : ((DateListProperty<?>) property).getDates()) {
                instants.add(Instant.from((Temporal) value));
            }
        }
        return instants;
    }
}
