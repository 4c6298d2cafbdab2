package dev.calsync.core.group;

import dev.calsync.core.calendar.CalendarRef;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Calendars that keep each other busy: every busy event of one becomes a block on all the others.
 *
 * @param owner the person the group belongs to; nothing of one owner is ever shown to another
 */
public record SyncGroup(
        String id,
        String owner,
        String busyTitle,
        Window window,
        SyncMode mode,
        ManualEditPolicy manualEdits,
        List<CalendarRef> calendars) {

    public SyncGroup {
        Objects.requireNonNull(id, "id");
        owner = owner == null ? id : owner;
        busyTitle = busyTitle == null || busyTitle.isBlank() ? "Busy" : busyTitle;
        window = window == null ? Window.DEFAULT : window;
        mode = mode == null ? SyncMode.INCREMENTAL : mode;
        manualEdits = manualEdits == null ? ManualEditPolicy.RESTORE : manualEdits;
        calendars = List.copyOf(calendars);
        if (new HashSet<>(calendars).size() != calendars.size()) {
            throw new IllegalArgumentException("group " + id + " lists a calendar twice");
        }
    }

    public List<CalendarRef> targetsFor(CalendarRef source) {
        return calendars.stream().filter(c -> !c.equals(source)).toList();
    }
}
