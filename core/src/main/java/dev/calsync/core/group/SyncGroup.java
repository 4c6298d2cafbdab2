package dev.calsync.core.group;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.rules.GroupRules;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Calendars that keep each other busy: every busy event of one becomes a block on all the others.
 *
 * @param owner the person the group belongs to; nothing of one owner is ever shown to another
 * @param rules which events block, what a block looks like, each calendar's role ({@link GroupRules#DEFAULT}:
 *              every calendar blocks all the others)
 */
public record SyncGroup(
        String id,
        String owner,
        String busyTitle,
        Window window,
        SyncMode mode,
        ManualEditPolicy manualEdits,
        List<CalendarRef> calendars,
        GroupRules rules) {

    public SyncGroup {
        Objects.requireNonNull(id, "id");
        owner = owner == null ? id : owner;
        busyTitle = busyTitle == null || busyTitle.isBlank() ? "Busy" : busyTitle;
        window = window == null ? Window.DEFAULT : window;
        mode = mode == null ? SyncMode.INCREMENTAL : mode;
        manualEdits = manualEdits == null ? ManualEditPolicy.RESTORE : manualEdits;
        calendars = List.copyOf(calendars);
        rules = rules == null ? GroupRules.DEFAULT : rules;
        if (new HashSet<>(calendars).size() != calendars.size()) {
            throw new IllegalArgumentException("group " + id + " lists a calendar twice");
        }
    }

    /** A group with the default rules. */
    public SyncGroup(String id, String owner, String busyTitle, Window window, SyncMode mode,
                     ManualEditPolicy manualEdits, List<CalendarRef> calendars) {
        this(id, owner, busyTitle, window, mode, manualEdits, calendars, GroupRules.DEFAULT);
    }

    /** The calendars that get blocks for {@code source}'s busy time: every other one whose role is a target. */
    public List<CalendarRef> targetsFor(CalendarRef source) {
        return calendars.stream().filter(c -> !c.equals(source) && rules.roleOf(c).isTarget()).toList();
    }

    /** The calendars whose busy time blocks {@code target}: every other one whose role is a source. */
    public List<CalendarRef> sourcesFor(CalendarRef target) {
        return calendars.stream().filter(c -> !c.equals(target) && rules.roleOf(c).isSource()).toList();
    }

    /** The calendars whose events block the others. */
    public List<CalendarRef> sources() {
        return calendars.stream().filter(c -> rules.roleOf(c).isSource()).toList();
    }

    /** The calendars that hold blocks. */
    public List<CalendarRef> targets() {
        return calendars.stream().filter(c -> rules.roleOf(c).isTarget()).toList();
    }

    public SyncGroup withRules(GroupRules newRules) {
        return new SyncGroup(id, owner, busyTitle, window, mode, manualEdits, calendars, newRules);
    }
}
