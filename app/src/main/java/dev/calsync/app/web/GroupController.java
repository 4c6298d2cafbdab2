package dev.calsync.app.web;

import dev.calsync.app.schedule.SyncScheduler;
import dev.calsync.app.security.SignedInUser;
import dev.calsync.core.calendar.CalendarNames;
import dev.calsync.core.group.RepeatedPairs;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.store.JdbcSyncStore;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Creating groups, changing their settings and calendars, and deleting them (blocks first, through the engine). */
@Controller
public class GroupController {

    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final OwnedResources owned;
    private final JdbcSyncStore store;
    private final CalendarChoices choices;
    private final GroupEditor editor;
    private final GroupStatuses statuses;
    private final SyncScheduler scheduler;
    private final WeekViews weeks;
    private final ViewerZones zones;
    private final SecureRandom random = new SecureRandom();

    public GroupController(OwnedResources owned, JdbcSyncStore store, CalendarChoices choices, GroupEditor editor,
                           GroupStatuses statuses, SyncScheduler scheduler, WeekViews weeks, ViewerZones zones) {
        this.owned = owned;
        this.store = store;
        this.choices = choices;
        this.editor = editor;
        this.statuses = statuses;
        this.scheduler = scheduler;
        this.weeks = weeks;
        this.zones = zones;
    }

    @GetMapping("/groups/new")
    public String newGroup(SignedInUser user, Model model) {
        return newGroupPage(user, GroupForm.blank(), new FormErrors(), choices.of(user), model);
    }

    @PostMapping("/groups")
    public String create(SignedInUser user, @ModelAttribute GroupForm form, Model model, RedirectAttributes redirect) {
        List<CalendarRef> named = form.calendars().stream().map(key -> owned.calendar(user, key)).toList();
        CalendarChoices.Listing listing = choices.of(user);
        CalendarNames.Resolution calendars = listing.resolve(named);
        FormErrors errors = form.creationProblems();
        if (!calendars.ok()) {
            errors.add("calendars", "Calendars: " + String.join("; ", calendars.problems()) + ".");
        }
        String id = newId(form.name() == null ? "" : form.name());
        List<String> repeated = calendars.ok() ? repeatedPairs(new SyncGroup(id, user.id(), null, null, null,
                null, calendars.calendars())) : List.of();
        if (!repeated.isEmpty()) {
            errors.add("calendars", "Calendars: " + String.join("; ", repeated) + ".");
        }
        if (!errors.isEmpty()) {
            return newGroupPage(user, form, errors, listing, model);
        }
        SyncGroup group = new SyncGroup(id, user.id(), form.busyTitle(), form.window(), form.syncMode(),
                form.manualEditPolicy(), calendars.calendars());
        store.saveGroup(group);
        scheduler.requestSync(group.id(), false);
        redirect.addFlashAttribute("message", "Group " + group.id() + " created; its first sync is queued.");
        return "redirect:/groups/" + group.id();
    }

    /** Reads the person's calendar lists afresh on the next look: a calendar made a minute ago shows up. */
    @PostMapping("/calendars/refresh")
    public String refreshCalendars(SignedInUser user, @RequestParam(required = false) String group,
                                   RedirectAttributes redirect) {
        String back = group == null || group.isEmpty() ? "/groups/new" : "/groups/" + owned.group(user, group).id();
        choices.refresh(user);
        redirect.addFlashAttribute("message", "Calendar lists read afresh.");
        return "redirect:" + back;
    }

    /** @param tz the "Times in" choice of the week view; kept for the person's later pages */
    @GetMapping("/groups/{groupId}")
    public String show(SignedInUser user, @PathVariable String groupId, @RequestParam(required = false) String tz,
                       HttpSession session, Model model) {
        SyncGroup group = owned.group(user, groupId);
        zones.of(user, session, tz);
        return groupPage(user, group, GroupForm.of(group), new FormErrors(), session, model);
    }

    @PostMapping("/groups/{groupId}/settings")
    public String saveSettings(SignedInUser user, @PathVariable String groupId, @ModelAttribute GroupForm form,
                               HttpSession session, Model model, RedirectAttributes redirect) {
        SyncGroup group = owned.group(user, groupId);
        FormErrors errors = form.settingsProblems();
        if (!errors.isEmpty()) {
            return groupPage(user, group, form, errors, session, model);
        }
        store.saveGroup(new SyncGroup(group.id(), group.owner(), form.busyTitle(), form.window(), form.syncMode(),
                form.manualEditPolicy(), group.calendars(), group.rules()));
        redirect.addFlashAttribute("message", "Settings saved; the next sync applies them.");
        return "redirect:/groups/" + group.id();
    }

    /** The group's rules: a changed rule re-projects the group on the sync queued here. */
    @PostMapping("/groups/{groupId}/rules")
    public String saveRules(SignedInUser user, @PathVariable String groupId, @ModelAttribute RulesForm rules,
                            HttpSession session, Model model, RedirectAttributes redirect) {
        SyncGroup group = owned.group(user, groupId);
        FormErrors errors = rules.problems(group.calendars());
        if (!errors.isEmpty()) {
            model.addAttribute("rules", rules);
            return groupPage(user, group, GroupForm.of(group), errors, session, model);
        }
        store.saveGroup(group.withRules(rules.rules(group.calendars())));
        scheduler.requestSync(group.id(), false);
        redirect.addFlashAttribute("message", "Rules saved; a sync is queued that applies them.");
        return "redirect:/groups/" + group.id();
    }

    @PostMapping("/groups/{groupId}/calendars")
    public String addCalendar(SignedInUser user, @PathVariable String groupId, @RequestParam String calendar,
                              RedirectAttributes redirect) {
        SyncGroup group = owned.group(user, groupId);
        CalendarNames.Resolution resolution = choices.of(user).resolve(List.of(owned.calendar(user, calendar)));
        if (!resolution.ok()) {
            redirect.addFlashAttribute("message", "Not added: " + String.join("; ", resolution.problems()) + ".");
            return "redirect:/groups/" + group.id();
        }
        CalendarRef added = resolution.calendars().get(0);
        if (group.calendars().contains(added)) {
            redirect.addFlashAttribute("message", added.key() + " is already in this group.");
            return "redirect:/groups/" + group.id();
        }
        List<CalendarRef> calendars = new ArrayList<>(group.calendars());
        calendars.add(added);
        SyncGroup changed = new SyncGroup(group.id(), group.owner(), group.busyTitle(), group.window(), group.mode(),
                group.manualEdits(), calendars, group.rules());
        List<String> repeated = repeatedPairs(changed);
        if (!repeated.isEmpty()) {
            redirect.addFlashAttribute("message", "Not added: " + String.join("; ", repeated) + ".");
            return "redirect:/groups/" + group.id();
        }
        store.saveGroup(changed);
        scheduler.requestSync(group.id(), false);
        redirect.addFlashAttribute("message", added.calendarId() + " added; a sync is queued.");
        return "redirect:/groups/" + group.id();
    }

    @GetMapping("/groups/{groupId}/calendars/remove")
    public String confirmRemoveCalendar(SignedInUser user, @PathVariable String groupId,
                                        @RequestParam String calendar, Model model) {
        SyncGroup group = owned.group(user, groupId);
        CalendarRef removed = memberOf(group, owned.calendar(user, calendar));
        model.addAttribute("user", user);
        model.addAttribute("group", group);
        model.addAttribute("calendar", removed);
        model.addAttribute("blocks", editor.blocksOf(group, removed));
        return "confirm-remove-calendar";
    }

    @PostMapping("/groups/{groupId}/calendars/remove")
    public String removeCalendar(SignedInUser user, @PathVariable String groupId, @RequestParam String calendar,
                                 RedirectAttributes redirect) {
        SyncGroup group = owned.group(user, groupId);
        CalendarRef removed = memberOf(group, owned.calendar(user, calendar));
        GroupEditor.Removal removal = editor.removeCalendar(group, removed);
        redirect.addFlashAttribute("message", removed.calendarId() + " removed from the group; "
                + removal.deleted() + " blocks deleted" + problemsOf(removal));
        return "redirect:/groups/" + group.id();
    }

    @GetMapping("/groups/{groupId}/delete")
    public String confirmDelete(SignedInUser user, @PathVariable String groupId, Model model) {
        SyncGroup group = owned.group(user, groupId);
        model.addAttribute("user", user);
        model.addAttribute("group", group);
        model.addAttribute("blocks", editor.blocksOf(group));
        return "confirm-delete-group";
    }

    @PostMapping("/groups/{groupId}/delete")
    public String delete(SignedInUser user, @PathVariable String groupId, RedirectAttributes redirect) {
        SyncGroup group = owned.group(user, groupId);
        GroupEditor.Removal removal = editor.deleteGroup(group);
        if (removal.complete()) {
            redirect.addFlashAttribute("message", "Group " + group.id() + " deleted with its "
                    + removal.deleted() + " blocks.");
            return "redirect:/dashboard";
        }
        redirect.addFlashAttribute("message", "Group " + group.id() + " emptied, but not every block could be "
                + "deleted" + problemsOf(removal) + " Delete it again to finish.");
        return "redirect:/groups/" + group.id();
    }

    private String newGroupPage(SignedInUser user, GroupForm form, FormErrors errors,
                                CalendarChoices.Listing listing, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("choices", listing.choices());
        model.addAttribute("listingProblems", listing.problems());
        model.addAttribute("listsReadAt", listing.readAt());
        return "group-new";
    }

    private String groupPage(SignedInUser user, SyncGroup group, GroupForm form, FormErrors errors,
                             HttpSession session, Model model) {
        Set<String> members = group.calendars().stream().map(CalendarRef::key).collect(Collectors.toSet());
        CalendarChoices.Listing listing = choices.of(user);
        ZoneId zone = zones.of(user, session, null);
        model.addAttribute("week", weeks.of(group, zone, false));
        model.addAttribute("zones", zones.choices(user, zone));
        model.addAttribute("user", user);
        model.addAttribute("group", group);
        model.addAttribute("status", statuses.of(group));
        model.addAttribute("form", form);
        if (!model.containsAttribute("rules")) {
            model.addAttribute("rules", RulesForm.of(group));
        }
        model.addAttribute("dayNames", RulesForm.dayNames());
        model.addAttribute("palette", RulesForm.palette());
        model.addAttribute("errors", errors);
        model.addAttribute("addable", listing.choices().stream().filter(c -> !members.contains(c.key())).toList());
        model.addAttribute("listingProblems", listing.problems());
        model.addAttribute("listsReadAt", listing.readAt());
        return "group";
    }

    /**
     * The pairs {@code candidate} would repeat with any other group holding its calendars: the person's web groups
     * and the groups of the configuration file, whatever owner the file gives them (the calendars are the person's
     * own accounts', so such a group is the person's too).
     */
    private List<String> repeatedPairs(SyncGroup candidate) {
        Set<String> fromFile = store.fileGroupIds();
        List<String> repeated = new ArrayList<>();
        for (SyncGroup other : store.groupsHolding(candidate.calendars())) {
            String where = fromFile.contains(other.id()) ? " (group '" + other.id() + "' is in the configuration file)"
                    : "";
            RepeatedPairs.with(candidate, List.of(other)).forEach(p -> repeated.add(p + where));
        }
        return repeated;
    }

    private static CalendarRef memberOf(SyncGroup group, CalendarRef calendar) {
        if (!group.calendars().contains(calendar)) {
            throw new NotFoundException("calendar");
        }
        return calendar;
    }

    private static String problemsOf(GroupEditor.Removal removal) {
        return removal.complete() ? "." : "; problems: " + String.join("; ", removal.errors()) + ".";
    }

    /** Readable and unique across everyone's groups: the name as a slug plus a random suffix. */
    private String newId(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        StringBuilder id = new StringBuilder(slug.isEmpty() ? "group" : slug).append('-');
        for (int i = 0; i < 6; i++) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }
}
