package dev.calsync.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import dev.calsync.core.group.Window;
import dev.calsync.core.rules.BlockColor;
import dev.calsync.core.rules.BusyRules;
import dev.calsync.core.rules.CalendarRole;
import dev.calsync.core.rules.GroupRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Binds {@code groups} into core {@link SyncGroup}s, checking them against the declared accounts. */
final class GroupsBinder {

    private static final Set<String> KEYS =
            Set.of("id", "owner", "window", "busyTitle", "mode", "manualEdits", "calendars", "busy", "color");
    private static final Set<String> WINDOW_KEYS = Set.of("pastDays", "futureDays");
    private static final Set<String> CALENDAR_KEYS = Set.of("account", "calendar", "role", "name");
    private static final int MAX_BUSY_TITLE = 200;

    private final ConfigTree tree;
    private final SettingsBinder settings;
    private final RulesBinder rules;

    GroupsBinder(ConfigTree tree, SettingsBinder settings) {
        this.tree = tree;
        this.settings = settings;
        this.rules = new RulesBinder(tree);
    }

    /**
     * @param defaultMode the global {@code sync.mode}, for groups without their own
     */
    List<SyncGroup> groups(ObjectNode root, List<AccountConfig> accounts, SyncMode defaultMode) {
        Map<String, AccountConfig> accountsById =
                accounts.stream().collect(Collectors.toMap(AccountConfig::id, Function.identity(), (a, b) -> a));
        String known = accounts.isEmpty() ? "none declared"
                : accounts.stream().map(AccountConfig::id).collect(Collectors.joining(", "));
        List<SyncGroup> groups = new ArrayList<>();
        Map<String, String> pathById = new HashMap<>();
        List<JsonNode> items = tree.list(root, "groups", "");
        for (int i = 0; i < items.size(); i++) {
            String path = ConfigTree.element("groups", i);
            Optional<ObjectNode> entry = tree.entry(items.get(i), path, KEYS);
            if (entry.isEmpty()) {
                continue;
            }
            ObjectNode node = entry.get();
            int before = tree.problems().size();
            Optional<String> id = tree.requiredText(node, "id", path);
            id.ifPresent(value -> checkId(value, ConfigTree.child(path, "id"), path, pathById));
            Optional<String> owner = tree.text(node, "owner", path);
            if (owner.isPresent() && owner.get().isBlank()) {
                tree.problem(ConfigTree.child(path, "owner"), "must not be blank");
            }
            Window window = window(node, path);
            String busyTitle = busyTitle(node, path);
            Optional<SyncMode> mode = settings.mode(node, path);
            ManualEditPolicy manualEdits = manualEdits(node, path);
            // SyncGroup defaults a missing owner to the group id; accounts are checked against that.
            String effectiveOwner = owner.orElse(id.orElse(null));
            Map<CalendarRef, CalendarRole> roles = new HashMap<>();
            Map<CalendarRef, String> names = new HashMap<>();
            List<CalendarRef> calendars = calendars(node, path, accountsById, known, effectiveOwner, roles, names);
            BusyRules busy = rules.busy(node, path);
            BlockColor color = rules.color(node, path);
            checkRoles(calendars, roles, path);
            if (tree.problems().size() == before) {
                groups.add(new SyncGroup(id.orElseThrow(), owner.orElse(null), busyTitle, window,
                        mode.orElse(defaultMode), manualEdits, calendars, new GroupRules(busy, color, roles, names)));
            }
        }
        return groups;
    }

    private void checkId(String id, String idPath, String path, Map<String, String> pathById) {
        String invalid = Ids.check(id);
        if (invalid != null) {
            tree.problem(idPath, invalid);
        } else if (pathById.putIfAbsent(id, path) != null) {
            tree.problem(idPath, "duplicate group id '" + id + "' (first at " + pathById.get(id) + ")");
        }
    }

    private Window window(ObjectNode group, String path) {
        String windowPath = ConfigTree.child(path, "window");
        ObjectNode node = tree.mapping(group, "window", path, WINDOW_KEYS);
        int pastDays = tree.integer(node, "pastDays", windowPath).orElse(Window.DEFAULT.pastDays());
        int futureDays = tree.integer(node, "futureDays", windowPath).orElse(Window.DEFAULT.futureDays());
        boolean valid = true;
        if (pastDays < 0) {
            tree.problem(ConfigTree.child(windowPath, "pastDays"), "must be >= 0, was " + pastDays);
            valid = false;
        }
        if (futureDays < 1) {
            tree.problem(ConfigTree.child(windowPath, "futureDays"), "must be >= 1, was " + futureDays);
            valid = false;
        }
        return valid ? new Window(pastDays, futureDays) : Window.DEFAULT;
    }

    private String busyTitle(ObjectNode group, String path) {
        Optional<String> title = tree.text(group, "busyTitle", path);
        String titlePath = ConfigTree.child(path, "busyTitle");
        if (title.isPresent() && title.get().isBlank()) {
            tree.problem(titlePath, "must not be blank (leave it out for the default 'Busy')");
        } else if (title.isPresent() && title.get().length() > MAX_BUSY_TITLE) {
            tree.problem(titlePath, "must be at most " + MAX_BUSY_TITLE + " characters");
        }
        return title.orElse(null);
    }

    private ManualEditPolicy manualEdits(ObjectNode group, String path) {
        Optional<String> text = tree.text(group, "manualEdits", path);
        try {
            return text.map(ManualEditPolicy::parse).orElse(ManualEditPolicy.RESTORE);
        } catch (IllegalArgumentException e) {
            tree.problem(ConfigTree.child(path, "manualEdits"), e.getMessage());
            return ManualEditPolicy.RESTORE;
        }
    }

    /** Blocks need somewhere to come from and somewhere to go. */
    private void checkRoles(List<CalendarRef> calendars, Map<CalendarRef, CalendarRole> roles, String path) {
        GroupRules probe = new GroupRules(null, null, roles, null);
        long sources = calendars.stream().filter(c -> probe.roleOf(c).isSource()).count();
        long targets = calendars.stream().filter(c -> probe.roleOf(c).isTarget()).count();
        boolean crossing = calendars.stream().anyMatch(s -> probe.roleOf(s).isSource()
                && calendars.stream().anyMatch(t -> !t.equals(s) && probe.roleOf(t).isTarget()));
        if (calendars.size() >= 2 && (sources == 0 || targets == 0 || !crossing)) {
            tree.problem(ConfigTree.child(path, "calendars"), "the roles leave no calendar whose busy time blocks"
                    + " another (needs a source or both, and another calendar that is a target or both)");
        }
    }

    private List<CalendarRef> calendars(ObjectNode group, String path, Map<String, AccountConfig> accounts,
                                        String known, String groupOwner, Map<CalendarRef, CalendarRole> roles,
                                        Map<CalendarRef, String> names) {
        String listPath = ConfigTree.child(path, "calendars");
        List<JsonNode> items = tree.list(group, "calendars", path);
        List<CalendarRef> calendars = new ArrayList<>();
        Map<CalendarRef, String> firstAt = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String at = ConfigTree.element(listPath, i);
            Optional<ObjectNode> entry = tree.entry(items.get(i), at, CALENDAR_KEYS);
            if (entry.isEmpty()) {
                continue;
            }
            ObjectNode node = entry.get();
            Optional<String> account = tree.requiredText(node, "account", at);
            Optional<String> calendar = tree.requiredText(node, "calendar", at);
            account.ifPresent(a -> checkAccount(a, ConfigTree.child(at, "account"), accounts, known, groupOwner));
            if (account.isPresent() && calendar.isPresent()) {
                CalendarRef ref = new CalendarRef(account.get().trim(), calendar.get().trim());
                String first = firstAt.putIfAbsent(ref, at);
                if (first != null) {
                    tree.problem(at, "calendar " + ref.key() + " listed twice (first at " + first + ")");
                } else {
                    calendars.add(ref);
                    CalendarRole role = rules.role(node, at);
                    if (role != CalendarRole.BOTH) {
                        roles.put(ref, role);
                    }
                    tree.text(node, "name", at).filter(n -> !n.isBlank()).ifPresent(n -> names.put(ref, n.trim()));
                }
            }
        }
        JsonNode raw = group.get("calendars");
        boolean wrongType = raw != null && !raw.isNull() && !raw.isArray();
        if (!wrongType && items.size() < 2) {
            tree.problem(listPath, "a group needs at least 2 calendars to keep each other busy, has "
                    + items.size());
        }
        return calendars;
    }

    private void checkAccount(String account, String at, Map<String, AccountConfig> accounts, String known,
                              String groupOwner) {
        AccountConfig declared = accounts.get(account.trim());
        if (declared == null) {
            tree.problem(at, "unknown account '" + account + "' (known: " + known + ")");
        } else if (declared.owner() != null && groupOwner != null && !declared.owner().equals(groupOwner)) {
            // A group may only mirror calendars of its own person: nothing of one owner reaches another.
            tree.problem(at, "account '" + account + "' belongs to '" + declared.owner()
                    + "' but the group belongs to '" + groupOwner + "'");
        }
    }
}
