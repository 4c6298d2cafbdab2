package dev.calsync.store;

import dev.calsync.core.rules.AllDayRule;
import dev.calsync.core.rules.BlockColor;
import dev.calsync.core.rules.BusyRules;
import dev.calsync.core.rules.OutOfOfficeRule;
import dev.calsync.core.rules.SkipTitles;
import dev.calsync.core.rules.TentativeRule;
import dev.calsync.core.rules.WorkingHours;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/** A group's rules in the columns of {@code sync_groups} (V41): to values for the upsert and back. */
final class RuleColumns {
    static final List<String> NAMES = List.of("busy_tentative", "busy_all_day", "busy_out_of_office", "hours_days",
            "hours_from", "hours_to", "hours_zone", "skip_titles", "block_color");

    private RuleColumns() {
    }

    /** The values for {@link #NAMES}, in order. */
    static Object[] values(BusyRules busy, BlockColor color) {
        WorkingHours hours = busy.hours();
        return new Object[] {
            busy.tentative().blocks(), busy.allDay().name(), busy.outOfOffice().blocks(),
            hours == null ? null : hours.days().stream().sorted().map(WorkingHours::dayName)
                    .collect(Collectors.joining(",")),
            hours == null ? null : hours.from().format(WorkingHours.HH_MM),
            hours == null ? null : hours.to().format(WorkingHours.HH_MM),
            hours == null ? null : hours.zone().getId(),
            String.join("\n", busy.skipTitles().markers()),
            color == null ? null : color.index()
        };
    }

    static BusyRules busy(ResultSet rs) throws SQLException {
        WorkingHours hours = null;
        String days = rs.getString("hours_days");
        if (days != null) {
            EnumSet<DayOfWeek> parsed = EnumSet.noneOf(DayOfWeek.class);
            Arrays.stream(days.split(",")).map(WorkingHours::parseDay).forEach(parsed::add);
            hours = new WorkingHours(parsed, WorkingHours.parseTime("hours_from", rs.getString("hours_from")),
                    WorkingHours.parseTime("hours_to", rs.getString("hours_to")),
                    WorkingHours.parseZone(rs.getString("hours_zone")));
        }
        String skip = rs.getString("skip_titles");
        return new BusyRules(new TentativeRule(rs.getBoolean("busy_tentative")),
                AllDayRule.valueOf(rs.getString("busy_all_day")), new OutOfOfficeRule(rs.getBoolean("busy_out_of_office")),
                hours, new SkipTitles(skip == null || skip.isEmpty() ? List.of() : List.of(skip.split("\n"))));
    }

    static BlockColor color(ResultSet rs) throws SQLException {
        int color = rs.getInt("block_color");
        return rs.wasNull() ? null : new BlockColor(color);
    }
}
