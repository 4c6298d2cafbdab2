package dev.calsync.recurrence;

import java.util.stream.Stream;

/**
 * A point where ical4j reads a series differently from RFC 5545 and from us. The differential property switches
 * readings on (in ical4j's expansion, or on our side where ical4j cannot express what we were given) and accepts
 * a difference only if it then disappears exactly. The README lists the same points.
 */
enum Reading {
    START_COUNTS("DTSTART not produced by its rule is the first occurrence (RFC 5545 §3.8.5.3)"),
    WALL_CLOCK_STEPS("sub-daily rule steps in wall-clock time, not elapsed time (§3.3.10)"),
    ZONED_ARITHMETIC("each wall-clock time is read on its own: the first of two, no gap shift carried over (§3.3.5)"),
    MONDAY_WEEKS("weeks start on Monday without WKST, not on the JVM locale's first day (§3.3.10)"),
    MONTH_LIMITS_INSTANCES("WEEKLY;BYMONTH limits each instance, not the week it starts in (§3.3.10)"),
    ORDINAL_DAY_OF_MONTH("BYDAY=2MO with BYMONTHDAY is the month's (year's) 2nd Monday, if on one of those days (§3.3.10)"),
    WRITTEN_START("start written inside a gap keeps its wall-clock time (§3.3.10)"),
    NO_STEP_LIMIT("a rule's next instance is found however many empty periods come first; ical4j stops after 1,000 (§3.3.10 sets no limit)");

    final String why;

    Reading(String why) {
        this.why = why;
    }

    /** Whether this reading can matter for the series at all; only those are tried. */
    boolean appliesTo(RandomSeries series, Ical4jExpansion ical4j) {
        String rule = series.rule();
        boolean subDaily = Stream.of("SECONDLY", "MINUTELY", "HOURLY").anyMatch(f -> rule.contains("FREQ=" + f));
        return switch (this) {
            // Whether ical4j's rule produces DTSTART may depend on the other readings (the week start), so it is
            // decided in the expansion; without effect, the same readings without it have been tried first.
            case START_COUNTS -> true;
            case WALL_CLOCK_STEPS -> subDaily && changesClockBefore(series, ical4j);
            case ZONED_ARITHMETIC -> !subDaily && changesClockBefore(series, ical4j);
            case MONDAY_WEEKS -> !rule.contains("WKST=");
            case MONTH_LIMITS_INSTANCES -> rule.contains("FREQ=WEEKLY") && rule.contains("BYMONTH=") && !rule.contains("BYSETPOS=");
            case ORDINAL_DAY_OF_MONTH -> (rule.contains("FREQ=MONTHLY") || rule.contains("FREQ=YEARLY"))
                    && rule.matches(".*BYDAY=[^;]*\\d.*") && rule.contains("BYMONTHDAY=") && !rule.contains("BYSETPOS=");
            case WRITTEN_START -> series.startInGap();
            // Any rule may meet 1,000 empty steps before an instance (a rare BYMONTH/BYDAY/BYMONTHDAY meeting);
            // lib-recur's own limit counts empty periods of the rule, which reach further than ical4j's steps.
            case NO_STEP_LIMIT -> true;
        };
    }

    /** Whether the zone changes its offset between the start and the end of the window. */
    private static boolean changesClockBefore(RandomSeries series, Ical4jExpansion ical4j) {
        var change = series.zoneId().getRules().nextTransition(ical4j.seedInstant().minusSeconds(1));
        return change != null && change.getInstant().isBefore(series.to());
    }
}
