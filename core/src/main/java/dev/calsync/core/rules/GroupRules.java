package dev.calsync.core.rules;

import dev.calsync.core.calendar.CalendarRef;
import java.util.Map;

/**
 * A group's options beyond its calendars: which events block ({@link BusyRules}), the blocks' colour, each
 * calendar's role and the names {@code {calendar}} shows. {@link #DEFAULT} is calsync's behaviour without
 * options: every calendar both blocks and holds blocks, no colour.
 *
 * @param color null for the target calendar's own colour
 * @param roles calendars not named here have {@link CalendarRole#BOTH}
 * @param names the names {@code {calendar}} shows; a calendar not named here shows its id
 */
public record GroupRules(BusyRules busy, BlockColor color, Map<CalendarRef, CalendarRole> roles,
                         Map<CalendarRef, String> names) {
    public static final GroupRules DEFAULT = new GroupRules(null, null, null, null);

    public GroupRules {
        busy = busy == null ? BusyRules.DEFAULT : busy;
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        names = names == null ? Map.of() : Map.copyOf(names);
    }

    public CalendarRole roleOf(CalendarRef calendar) {
        return roles.getOrDefault(calendar, CalendarRole.BOTH);
    }

    public String nameOf(CalendarRef calendar) {
        String name = names.get(calendar);
        return name == null || name.isBlank() ? calendar.calendarId() : name;
    }

    public GroupRules withBusy(BusyRules newBusy) {
        return new GroupRules(newBusy, color, roles, names);
    }

    public GroupRules withColor(BlockColor newColor) {
        return new GroupRules(busy, newColor, roles, names);
    }

    public GroupRules withRoles(Map<CalendarRef, CalendarRole> newRoles) {
        return new GroupRules(busy, color, newRoles, names);
    }
}
