package dev.calsync.app.web;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.rules.AllDayRule;
import dev.calsync.core.rules.BlockColor;
import dev.calsync.core.rules.BusyRules;
import dev.calsync.core.rules.CalendarRole;
import dev.calsync.core.rules.GroupRules;
import dev.calsync.core.rules.OutOfOfficeRule;
import dev.calsync.core.rules.SkipTitles;
import dev.calsync.core.rules.TentativeRule;
import dev.calsync.core.rules.WorkingHours;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A group's rules as posted by the group page's rules form, as typed; {@link #problems} names every mistake by
 * field, with the same words as the configuration file's errors. Checkboxes post "on" when ticked and nothing
 * otherwise; {@code roles} and {@code names} come one per calendar, in the group's order.
 */
public record RulesForm(String tentative, String allDay, String outOfOffice, String hours, List<String> days,
                        String from, String to, String zone, String skipTitles, String color, List<String> roles,
                        List<String> names) {

    public RulesForm {
        days = days == null ? List.of() : List.copyOf(days);
        roles = roles == null ? List.of() : List.copyOf(roles);
        names = names == null ? List.of() : names.stream().map(n -> n == null ? "" : n.trim()).toList();
        allDay = allDay == null ? "" : allDay.trim();
        from = from == null ? "" : from.trim();
        to = to == null ? "" : to.trim();
        zone = zone == null ? "" : zone.trim();
        skipTitles = skipTitles == null ? "" : skipTitles;
        color = color == null ? "" : color.trim();
    }

    /** The form as the group's rules fill it; hours not set show a working week in UTC to start from. */
    public static RulesForm of(SyncGroup group) {
        GroupRules rules = group.rules();
        BusyRules busy = rules.busy();
        WorkingHours hours = busy.hours();
        return new RulesForm(busy.tentative().blocks() ? "on" : null, busy.allDay().configName(),
                busy.outOfOffice().blocks() ? "on" : null, hours == null ? null : "on",
                hours == null ? List.of("MO", "TU", "WE", "TH", "FR")
                        : hours.days().stream().sorted().map(WorkingHours::dayName).toList(),
                hours == null ? "08:00" : hours.from().format(WorkingHours.HH_MM),
                hours == null ? "18:00" : hours.to().format(WorkingHours.HH_MM),
                hours == null ? "UTC" : hours.zone().getId(), String.join("\n", busy.skipTitles().markers()),
                rules.color() == null ? "" : Integer.toString(rules.color().index()),
                group.calendars().stream().map(c -> rules.roleOf(c).configName()).toList(),
                group.calendars().stream().map(c -> rules.names().getOrDefault(c, "")).toList());
    }

    public boolean ticked(String box) {
        return "on".equals(box) || "true".equals(box);
    }

    public boolean hasDay(String day) {
        return days.contains(day);
    }

    public String roleAt(int index) {
        return index < roles.size() ? roles.get(index) : "both";
    }

    public String nameAt(int index) {
        return index < names.size() ? names.get(index) : "";
    }

    /** The days as the form offers them. */
    public static List<String> dayNames() {
        return Arrays.stream(DayOfWeek.values()).map(WorkingHours::dayName).toList();
    }

    /** The palette as the form offers it: index and name. */
    public static List<BlockColor> palette() {
        List<BlockColor> colors = new ArrayList<>();
        for (int i = BlockColor.MIN; i <= BlockColor.MAX; i++) {
            colors.add(new BlockColor(i));
        }
        return colors;
    }

    /** @param calendars the group's calendars, in order */
    public FormErrors problems(List<CalendarRef> calendars) {
        FormErrors errors = new FormErrors();
        check(errors, "allDay", () -> AllDayRule.parse(allDay));
        if (!color.isEmpty()) {
            check(errors, "color", () -> BlockColor.parse(color));
        }
        check(errors, "skipTitles", this::skip);
        if (ticked(hours)) {
            check(errors, "days", () -> days.forEach(WorkingHours::parseDay));
            if (days.isEmpty()) {
                errors.add("days", "hours.days: name at least one day (MO, TU, WE, TH, FR, SA, SU)");
            }
            check(errors, "from", () -> WorkingHours.parseTime("hours.from", from));
            check(errors, "to", () -> WorkingHours.parseTime("hours.to", to));
            check(errors, "zone", () -> WorkingHours.parseZone(zone));
            if (!errors.has("from") && !errors.has("to") && !errors.has("days") && !errors.has("zone")) {
                check(errors, "to", this::workingHours);
            }
        }
        if (roles.size() != calendars.size()) {
            errors.add("roles", "Roles: one for each calendar of the group.");
        } else {
            check(errors, "roles", () -> roles.forEach(CalendarRole::parse));
            if (!errors.has("roles") && !crosses(calendars)) {
                errors.add("roles", "Roles: no calendar's busy time would block another (needs a source or both,"
                        + " and another calendar that is a target or both).");
            }
        }
        if (names.stream().anyMatch(n -> n.length() > 200)) {
            errors.add("names", "Calendar names: at most 200 characters.");
        }
        return errors;
    }

    /** The rules the form asks for; only after {@link #problems} found none. */
    public GroupRules rules(List<CalendarRef> calendars) {
        Map<CalendarRef, CalendarRole> roleOf = new HashMap<>();
        Map<CalendarRef, String> nameOf = new HashMap<>();
        for (int i = 0; i < calendars.size(); i++) {
            CalendarRole role = CalendarRole.parse(roleAt(i));
            if (role != CalendarRole.BOTH) {
                roleOf.put(calendars.get(i), role);
            }
            if (!nameAt(i).isEmpty()) {
                nameOf.put(calendars.get(i), nameAt(i));
            }
        }
        BusyRules busy = new BusyRules(new TentativeRule(ticked(tentative)), AllDayRule.parse(allDay),
                new OutOfOfficeRule(ticked(outOfOffice)), ticked(hours) ? workingHours() : null, skip());
        return new GroupRules(busy, color.isEmpty() ? null : BlockColor.parse(color), roleOf, nameOf);
    }

    private boolean crosses(List<CalendarRef> calendars) {
        for (int s = 0; s < calendars.size(); s++) {
            for (int t = 0; t < calendars.size(); t++) {
                if (s != t && CalendarRole.parse(roleAt(s)).isSource() && CalendarRole.parse(roleAt(t)).isTarget()) {
                    return true;
                }
            }
        }
        return false;
    }

    private SkipTitles skip() {
        return new SkipTitles(skipTitles.lines().toList());
    }

    private WorkingHours workingHours() {
        EnumSet<DayOfWeek> parsed = EnumSet.noneOf(DayOfWeek.class);
        days.forEach(d -> parsed.add(WorkingHours.parseDay(d)));
        LocalTime start = WorkingHours.parseTime("hours.from", from);
        LocalTime end = WorkingHours.parseTime("hours.to", to);
        ZoneId in = WorkingHours.parseZone(zone);
        return new WorkingHours(parsed, start, end, in);
    }

    private static void check(FormErrors errors, String field, Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            errors.add(field, Objects.requireNonNull(e.getMessage()));
        }
    }
}
