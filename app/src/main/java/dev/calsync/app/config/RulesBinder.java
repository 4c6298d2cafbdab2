package dev.calsync.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.rules.AllDayRule;
import dev.calsync.core.rules.BlockColor;
import dev.calsync.core.rules.BusyRules;
import dev.calsync.core.rules.CalendarRole;
import dev.calsync.core.rules.OutOfOfficeRule;
import dev.calsync.core.rules.SkipTitles;
import dev.calsync.core.rules.TentativeRule;
import dev.calsync.core.rules.WorkingHours;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Binds a group's rules: {@code busy} (tentative, allDay, outOfOffice, hours, skipTitles), {@code color} and a
 * calendar's {@code role}, each bad value reported at its path with what is allowed.
 */
final class RulesBinder {
    private static final Set<String> BUSY_KEYS = Set.of("tentative", "allDay", "outOfOffice", "hours", "skipTitles");
    private static final Set<String> HOURS_KEYS = Set.of("days", "from", "to", "zone");

    private final ConfigTree tree;

    RulesBinder(ConfigTree tree) {
        this.tree = tree;
    }

    BusyRules busy(ObjectNode group, String path) {
        String busyPath = ConfigTree.child(path, "busy");
        ObjectNode node = tree.mapping(group, "busy", path, BUSY_KEYS);
        TentativeRule tentative = flag(node, "tentative", busyPath).map(TentativeRule::new).orElse(null);
        OutOfOfficeRule outOfOffice = flag(node, "outOfOffice", busyPath).map(OutOfOfficeRule::new).orElse(null);
        AllDayRule allDay = parsed(node, "allDay", busyPath, AllDayRule::parse).orElse(null);
        WorkingHours hours = hours(node, busyPath);
        SkipTitles skip = skipTitles(node, busyPath);
        return new BusyRules(tentative, allDay, outOfOffice, hours, skip);
    }

    BlockColor color(ObjectNode group, String path) {
        return parsed(group, "color", path, BlockColor::parse).orElse(null);
    }

    CalendarRole role(ObjectNode calendar, String path) {
        return parsed(calendar, "role", path, CalendarRole::parse).orElse(CalendarRole.BOTH);
    }

    private WorkingHours hours(ObjectNode busy, String path) {
        JsonNode raw = busy.get("hours");
        if (raw == null || raw.isNull()) {
            return null;
        }
        String hoursPath = ConfigTree.child(path, "hours");
        ObjectNode node = tree.mapping(busy, "hours", path, HOURS_KEYS);
        int before = tree.problems().size();
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<JsonNode> listed = tree.list(node, "days", hoursPath);
        for (int i = 0; i < listed.size(); i++) {
            try {
                days.add(WorkingHours.parseDay(listed.get(i).asText()));
            } catch (IllegalArgumentException e) {
                tree.problem(ConfigTree.element(ConfigTree.child(hoursPath, "days"), i), e.getMessage());
            }
        }
        if (node.get("days") == null) {
            days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
        Optional<LocalTime> from = required(node, "from", hoursPath, t -> WorkingHours.parseTime("hours.from", t));
        Optional<LocalTime> to = required(node, "to", hoursPath, t -> WorkingHours.parseTime("hours.to", t));
        Optional<ZoneId> zone = required(node, "zone", hoursPath, WorkingHours::parseZone);
        if (tree.problems().size() != before || from.isEmpty() || to.isEmpty() || zone.isEmpty()) {
            return null;
        }
        try {
            return new WorkingHours(days, from.get(), to.get(), zone.get());
        } catch (IllegalArgumentException e) {
            tree.problem(hoursPath, e.getMessage());
            return null;
        }
    }

    private SkipTitles skipTitles(ObjectNode busy, String path) {
        List<JsonNode> items = tree.list(busy, "skipTitles", path);
        try {
            return new SkipTitles(items.stream().map(JsonNode::asText).toList());
        } catch (IllegalArgumentException e) {
            tree.problem(ConfigTree.child(path, "skipTitles"), e.getMessage());
            return null;
        }
    }

    private Optional<Boolean> flag(ObjectNode node, String key, String path) {
        return parsed(node, key, path, text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("must be true or false, not \"" + text + "\"");
        });
    }

    private <T> Optional<T> required(ObjectNode node, String key, String path, Function<String, T> parse) {
        if (node.get(key) == null || node.get(key).isNull()) {
            tree.problem(ConfigTree.child(path, key), "required");
            return Optional.empty();
        }
        return parsed(node, key, path, parse);
    }

    private <T> Optional<T> parsed(ObjectNode node, String key, String path, Function<String, T> parse) {
        Optional<String> text = tree.text(node, key, path);
        try {
            return text.map(parse);
        } catch (IllegalArgumentException e) {
            tree.problem(ConfigTree.child(path, key), e.getMessage());
            return Optional.empty();
        }
    }
}
