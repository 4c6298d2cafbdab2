package dev.calsync.integration.simulation;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.rules.AllDayRule;
import dev.calsync.core.rules.BlockColor;
import dev.calsync.core.rules.BusyRules;
import dev.calsync.core.rules.GroupRules;
import dev.calsync.core.rules.OutOfOfficeRule;
import dev.calsync.core.rules.SkipTitles;
import dev.calsync.core.rules.TentativeRule;
import dev.calsync.core.rules.WorkingHours;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random rule sets for the simulation (roles change by their own action). */
final class SimulatedRules {
    /** None, weekdays in Berlin, every day in New York, the weekend in UTC: the events' hours straddle them. */
    private static final List<WorkingHours> HOURS = List.of(
            new WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0),
                    ZoneId.of("Europe/Berlin")),
            new WorkingHours(EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 30), LocalTime.of(16, 0),
                    ZoneId.of("America/New_York")),
            new WorkingHours(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(10, 0), LocalTime.of(14, 0),
                    ZoneId.of("UTC")));
    private static final List<List<String>> SKIPS = List.of(List.of(), List.of("meeting 1"), List.of("SERIES"));

    private SimulatedRules() {
    }

    static Arbitrary<String> titles() {
        return Arbitraries.of("Busy", "Busy ({calendar})", "{title}", "{calendar}: {title}", "Occupied");
    }

    static Arbitrary<GroupRules> rules(World world) {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(AllDayRule.values()),
                Arbitraries.of(true, false), Arbitraries.integers().between(-1, HOURS.size() - 1),
                Arbitraries.integers().between(0, SKIPS.size() - 1), Arbitraries.integers().between(0, BlockColor.MAX),
                Arbitraries.of(true, false)).as((tentative, allDay, ooo, hours, skip, color, named) -> {
                    Map<CalendarRef, String> names = new HashMap<>();
                    if (named) {
                        world.calendars.forEach((name, ref) -> names.put(ref, "the " + name + " calendar"));
                    }
                    return new GroupRules(new BusyRules(new TentativeRule(tentative), allDay, new OutOfOfficeRule(ooo),
                            hours < 0 ? null : HOURS.get(hours), new SkipTitles(SKIPS.get(skip))),
                            color == 0 ? null : new BlockColor(color), Map.of(), names);
                });
    }

    static String describe(GroupRules rules) {
        BusyRules busy = rules.busy();
        WorkingHours hours = busy.hours();
        return "tentative " + busy.tentative().blocks() + ", allDay " + busy.allDay().configName() + ", outOfOffice "
                + busy.outOfOffice().blocks() + ", hours " + (hours == null ? "always"
                : hours.days() + " " + hours.from() + "-" + hours.to() + " " + hours.zone())
                + ", skip " + busy.skipTitles().markers() + ", color " + (rules.color() == null ? "none"
                : rules.color().index()) + (rules.names().isEmpty() ? "" : ", named calendars");
    }
}
