package dev.calsync.app.web;

import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import dev.calsync.core.group.Window;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A group's settings as posted by the group forms; {@link #settingsProblems()} names every mistake by field. The
 * day counts stay text as typed ("1e2", "abc" and "99999999999" are numbers to a browser, not to the window), so a
 * mistake comes back in the form with the value as it was written.
 *
 * @param name      only when creating: becomes the start of the group's id
 * @param calendars only when creating: {@code accountId/calendarId} of each chosen calendar
 */
public record GroupForm(String name, String busyTitle, String pastDays, String futureDays, String mode,
                        String manualEdits, List<String> calendars) {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,4}");

    public GroupForm {
        calendars = calendars == null ? List.of() : List.copyOf(calendars);
        busyTitle = busyTitle == null ? "" : busyTitle.trim();
        name = name == null ? "" : name.trim();
        pastDays = pastDays == null ? "" : pastDays.trim();
        futureDays = futureDays == null ? "" : futureDays.trim();
    }

    public static GroupForm blank() {
        return new GroupForm("", "Busy", Integer.toString(Window.DEFAULT.pastDays()),
                Integer.toString(Window.DEFAULT.futureDays()), "incremental",
                "restore", List.of());
    }

    public static GroupForm of(SyncGroup group) {
        return new GroupForm(group.id(), group.busyTitle(), Integer.toString(group.window().pastDays()),
                Integer.toString(group.window().futureDays()),
                group.mode().name().toLowerCase(Locale.ROOT), group.manualEdits().name().toLowerCase(Locale.ROOT),
                group.calendars().stream().map(c -> c.key()).toList());
    }

    public FormErrors settingsProblems() {
        FormErrors errors = new FormErrors();
        if (busyTitle.length() > 200) {
            errors.add("busyTitle", "Busy title: at most 200 characters.");
        }
        if (!within(pastDays, 0, 365)) {
            errors.add("pastDays", "Days into the past: a whole number from 0 to 365.");
        }
        if (!within(futureDays, 1, 730)) {
            errors.add("futureDays", "Days into the future: a whole number from 1 to 730.");
        }
        // naive is the benchmark baseline only; people choose between incremental and its rollback, full.
        if (!"incremental".equals(mode) && !"full".equals(mode)) {
            errors.add("mode", "Mode: incremental or full.");
        }
        if (!"restore".equals(manualEdits) && !"respect".equals(manualEdits)) {
            errors.add("manualEdits", "Hand-edited blocks: restore or respect.");
        }
        return errors;
    }

    /** The settings' mistakes and the name's; the calendars are checked against the accounts' lists elsewhere. */
    public FormErrors creationProblems() {
        FormErrors errors = new FormErrors();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}")) {
            errors.add("name", "Name: 1 to 40 letters, digits, spaces, dots, dashes or underscores.");
        }
        if (calendars.size() < 2) {
            errors.add("calendars", "Calendars: choose at least two.");
        }
        return errors.addAll(settingsProblems());
    }

    private static boolean within(String text, int min, int max) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            return false;
        }
        int value = Integer.parseInt(text);
        return value >= min && value <= max;
    }

    public Window window() {
        return new Window(Integer.parseInt(pastDays), Integer.parseInt(futureDays));
    }

    public SyncMode syncMode() {
        return SyncMode.parse(mode);
    }

    public ManualEditPolicy manualEditPolicy() {
        return ManualEditPolicy.parse(manualEdits);
    }
}
