package dev.calsync.app.web;

import dev.calsync.app.security.SignedInUser;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.store.Account;
import dev.calsync.store.ApiCallLog;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard: every group of the signed-in person with its live status and its week, and the person's API calls
 * of the last two weeks against their share of the quota.
 */
@Controller
public class DashboardController {

    static final int CHART_DAYS = 14;

    private final OwnedResources owned;
    private final GroupStatuses statuses;
    private final WeekViews weeks;
    private final ViewerZones zones;
    private final CalendarChoices choices;
    private final ApiCallLog callLog;
    private final Labels labels;
    private final Clock clock;
    private final long dailyQuota;
    private final long plannedUsers;

    public DashboardController(OwnedResources owned, GroupStatuses statuses, WeekViews weeks, ViewerZones zones,
                               CalendarChoices choices, ApiCallLog callLog, Labels labels, Clock clock,
                               @Value("${calsync.quota.daily-calls:1000000}") long dailyQuota,
                               @Value("${calsync.quota.users:10000}") long plannedUsers) {
        this.owned = owned;
        this.statuses = statuses;
        this.weeks = weeks;
        this.zones = zones;
        this.choices = choices;
        this.callLog = callLog;
        this.labels = labels;
        this.clock = clock;
        this.dailyQuota = dailyQuota;
        this.plannedUsers = plannedUsers;
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/dashboard";
    }

    @GetMapping("/dashboard")
    public String dashboard(SignedInUser user, HttpSession session, Model model) {
        // Reads each calendar list once (then kept): calendar names and time zones for the cards.
        choices.of(user);
        ZoneId zone = zones.of(user, session, null);
        List<Account> accounts = owned.accounts(user);
        List<SyncGroup> groups = owned.groups(user);
        Map<String, WeekView> groupWeeks = new LinkedHashMap<>();
        groups.forEach(group -> groupWeeks.put(group.id(), weeks.of(group, zone, true)));
        // The groups' calls first: read after them, the person's total includes every call a card counts.
        List<GroupStatus> groupStatuses = groups.stream().map(statuses::of).toList();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var history = callLog.dailyTotals(accounts.stream().map(Account::id).toList(),
                today.minusDays(CHART_DAYS - 1), today);
        long callsToday = history.get(today);
        long share = Math.max(1, dailyQuota / Math.max(1, plannedUsers));
        model.addAttribute("user", user);
        model.addAttribute("accounts", accounts);
        model.addAttribute("groups", groupStatuses);
        model.addAttribute("weeks", groupWeeks);
        model.addAttribute("callsTotal", callsToday);
        model.addAttribute("callShare", share);
        model.addAttribute("callSharePercent", Math.round(100.0 * callsToday / share));
        model.addAttribute("callChart", CallChart.of(history, share, labels));
        model.addAttribute("dailyQuota", dailyQuota);
        model.addAttribute("plannedUsers", plannedUsers);
        return "dashboard";
    }

    /** The live part of a group's card, fetched again every few seconds by htmx. */
    @GetMapping("/groups/{groupId}/status")
    public String status(SignedInUser user, @PathVariable String groupId, Model model) {
        model.addAttribute("status", statuses.of(owned.group(user, groupId)));
        return "fragments/status :: status";
    }

    /** A group's week, fetched again every minute by htmx: the card's compact one or the group page's. */
    @GetMapping("/groups/{groupId}/week")
    public String week(SignedInUser user, @PathVariable String groupId,
                       @RequestParam(defaultValue = "false") boolean compact, HttpSession session, Model model) {
        model.addAttribute("week", weeks.of(owned.group(user, groupId), zones.of(user, session, null), compact));
        return "fragments/week :: week";
    }
}
