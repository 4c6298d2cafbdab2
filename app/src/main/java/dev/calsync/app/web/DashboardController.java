package dev.calsync.app.web;

import dev.calsync.app.security.SignedInUser;
import dev.calsync.store.Account;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The dashboard: every group of the signed-in person with its live status, and today's API calls. */
@Controller
public class DashboardController {

    private final OwnedResources owned;
    private final GroupStatuses statuses;
    private final long dailyQuota;
    private final long plannedUsers;

    public DashboardController(OwnedResources owned, GroupStatuses statuses,
                               @Value("${calsync.quota.daily-calls:1000000}") long dailyQuota,
                               @Value("${calsync.quota.users:10000}") long plannedUsers) {
        this.owned = owned;
        this.statuses = statuses;
        this.dailyQuota = dailyQuota;
        this.plannedUsers = plannedUsers;
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/dashboard";
    }

    @GetMapping("/dashboard")
    public String dashboard(SignedInUser user, Model model) {
        List<Account> accounts = owned.accounts(user);
        Map<String, Long> calls = statuses.callsOf(accounts.stream().map(Account::id).toList());
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        long share = Math.max(1, dailyQuota / Math.max(1, plannedUsers));
        model.addAttribute("user", user);
        model.addAttribute("accounts", accounts);
        model.addAttribute("groups", owned.groups(user).stream().map(statuses::of).toList());
        model.addAttribute("calls", calls);
        model.addAttribute("callsTotal", total);
        model.addAttribute("callShare", share);
        model.addAttribute("callSharePercent", Math.round(100.0 * total / share));
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
}
