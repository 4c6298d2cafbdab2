package dev.calsync.app.web;

import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import dev.calsync.core.group.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A group's settings as posted by the group forms; {@link #problems()} lists every mistake in words for the page.
 *
 * @param name      only when creating: becomes the start of the group's id
 * @param calendars only when creating: {@code accountId/calendarId} of each chosen calendar
 */
public record GroupForm(String name, String busyTitle, Integer pastDays, Integer futureDays, String mode,
                        String manualEdits, List<String> calendars) {

    public GroupForm {
        calendars = calendars == null ? List.of() : List.copyOf(calendars);
        busyTitle = busyTitle == null ? "" : busyTitle.trim();
        name = name == null ? "" : name.trim();
    }

    public static GroupForm blank() {
        return new GroupForm("", "Busy", Window.DEFAULT.pastDays(), Window.DEFAULT.futureDays(), "incremental",
                "restore", List.of());
    }

    public static GroupForm of(SyncGroup group) {
        return new GroupForm(group.id(), group.busyTitle(), group.window().pastDays(), group.window().futureDays(),
                group.mode().name().toLowerCase(Locale.ROOT), group.manualEdits().name().toLowerCase(Locale.ROOT),
                group.calendars().stream().map(c -> c.key()).toList());
    }

    public List<String> settingsProblems() {
        List<String> problems = new ArrayList<>();
        if (busyTitle.length() > 200) {
            problems.add("Busy title: at most 200 characters.");
        }
        if (pastDays == null || pastDays < 0 || pastDays > 365) {
            problems.add("Days into the past: a whole number from 0 to 365.");
        }
        if (futureDays == null || futureDays < 1 || futureDays > 730) {
            problems.add("Days into the future: a whole number from 1 to 730.");
        }
        // naive is the benchmark baseline only; people choose between incremental and its rollback, full.
        if (!"incremental".equals(mode) && !"full".equals(mode)) {
            problems.add("Mode: incremental or full.");
        }
        if (!"restore".equals(manualEdits) && !"respect".equals(manualEdits)) {
            problems.add("Hand-edited blocks: restore or respect.");
        }
        return problems;
    }

    public List<String> creationProblems() {
        List<String> problems = new ArrayList<>();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}")) {
            problems.add("Name: 1 to 40 letters, digits, spaces, dots, dashes or underscores.");
        }
        if (calendars.size() < 2) {
            problems.add("Calendars: choose at least two.");
        }
        if (calendars.stream().distinct().count() != calendars.size()) {
            problems.add("Calendars: each at most once.");
        }
        problems.addAll(settingsProblems());
        return problems;
    }

    public Window window() {
        return new Window(pastDays, futureDays);
    }

    public SyncMode syncMode() {
        return SyncMode.parse(mode);
    }

    public ManualEditPolicy manualEditPolicy() {
        return ManualEditPolicy.parse(manualEdits);
    }
}
