package dev.calsync.app.assembly;

import dev.calsync.app.config.ConfigProblem;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.RepeatedPairs;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.store.CalendarNameStore;
import dev.calsync.store.JdbcSyncStore;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The calendars of the configured groups under their own ids, before any group is used (CLI verbs and
 * {@code serve}'s groups from the file): {@code primary} and every other alias resolved through the account's
 * calendar list, each adapter answering for its own aliases. Refused, naming the entries: a calendar the account
 * cannot see, one calendar named twice in a group, and two groups repeating a source → target pair.
 *
 * <p>A name resolved once is remembered in the store, so a run asks for calendar lists only for names it has not
 * met. A group with a name that cannot be checked now (its account's list cannot be read) is not used: under an
 * unresolved alias its blocks would get other ids than under the calendar's own, the very duplicates this
 * prevents. It is reported apart ({@link Resolved#unchecked}), so a server can keep the group's stored version.
 */
public final class GroupCalendars {
    private static final System.Logger LOG = System.getLogger(GroupCalendars.class.getName());

    /**
     * @param groups    the groups with canonical calendar ids (complete only when both lists are empty)
     * @param problems  what refuses the configuration, each located by its path in the file
     * @param unchecked groups left out because a calendar list could not be read now, each with why
     */
    public record Resolved(List<SyncGroup> groups, List<ConfigProblem> problems, List<ConfigProblem> unchecked) {
        public Resolved {
            groups = List.copyOf(groups);
            problems = List.copyOf(problems);
            unchecked = List.copyOf(unchecked);
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        /** For a one-shot run: every problem, the calendars that could not be checked now among them. */
        public List<ConfigProblem> all() {
            List<ConfigProblem> all = new ArrayList<>(problems);
            all.addAll(unchecked);
            return all;
        }
    }

    private final CalendarProvider provider;
    private final CalendarNameStore names;

    public GroupCalendars(CalendarProvider provider, CalendarNameStore names) {
        this.provider = provider;
        this.names = names;
    }

    public Resolved resolve(List<SyncGroup> declared) {
        Map<String, Optional<List<CalendarInfo>>> lists = new HashMap<>();
        List<SyncGroup> groups = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        List<ConfigProblem> unchecked = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            SyncGroup group = declared.get(i);
            String path = "groups[" + i + "] (" + group.id() + ")";
            Map<CalendarRef, Integer> entryOf = new LinkedHashMap<>();
            boolean refused = false;
            for (int j = 0; j < group.calendars().size(); j++) {
                CalendarRef named = group.calendars().get(j);
                String at = path + ".calendars[" + j + "]";
                Optional<CalendarRef> canonical = canonical(named, lists, at, problems, unchecked);
                if (canonical.isEmpty()) {
                    refused = true;
                    continue;
                }
                Integer first = entryOf.putIfAbsent(canonical.get(), j);
                if (first != null) {
                    refused = true;
                    problems.add(new ConfigProblem(at, named.key() + " and calendars[" + first + "] ("
                            + group.calendars().get(first).key() + ") are the same calendar ("
                            + canonical.get().key() + "); name it once"));
                }
            }
            if (!refused) {
                groups.add(new SyncGroup(group.id(), group.owner(), group.busyTitle(), group.window(), group.mode(),
                        group.manualEdits(), List.copyOf(entryOf.keySet())));
            }
        }
        RepeatedPairs.among(groups).forEach(p -> problems.add(new ConfigProblem("groups", p)));
        return new Resolved(groups, problems, unchecked);
    }

    /**
     * The file's groups (resolved) repeating a pair of a group made in the web UI: the other direction of the check
     * the web forms make. Any owner's web group counts: a calendar is reached through an account, an account is one
     * person's, so a group holding the same two calendars is one of the same person, whatever its owner field says.
     * Groups saved from a file are not compared (this file's are checked among themselves; another file's that
     * hold a calendar of this file's accounts are retired when this file is saved).
     */
    public static List<ConfigProblem> repeatedWithWebGroups(List<SyncGroup> fileGroups, JdbcSyncStore store) {
        Set<String> fromFiles = store.fileGroupIds();
        Set<String> ids = fileGroups.stream().map(SyncGroup::id).collect(Collectors.toSet());
        List<SyncGroup> web = store.groupsHolding(fileGroups.stream().flatMap(g -> g.calendars().stream()).toList())
                .stream().filter(g -> !fromFiles.contains(g.id()) && !ids.contains(g.id())).toList();
        List<ConfigProblem> problems = new ArrayList<>();
        for (SyncGroup group : fileGroups) {
            for (SyncGroup other : web) {
                RepeatedPairs.with(group, List.of(other)).forEach(p -> problems.add(new ConfigProblem(
                        "groups (" + group.id() + ")", p + " (group '" + other.id() + "' was made in the web UI;"
                        + " take the pair out of the file or out of that group)")));
            }
        }
        return problems;
    }

    private Optional<CalendarRef> canonical(CalendarRef named, Map<String, Optional<List<CalendarInfo>>> lists,
                                            String at, List<ConfigProblem> problems, List<ConfigProblem> unchecked) {
        Optional<String> remembered = names.calendarId(named.accountId(), named.calendarId());
        if (remembered.isPresent()) {
            return Optional.of(new CalendarRef(named.accountId(), remembered.get()));
        }
        Optional<List<CalendarInfo>> listed = lists.computeIfAbsent(named.accountId(), this::list);
        if (listed.isEmpty()) {
            unchecked.add(new ConfigProblem(at, named.key() + " cannot be checked now: the calendar list of account "
                    + named.accountId() + " could not be read (see the log); try again"));
            return Optional.empty();
        }
        Optional<CalendarInfo> calendar = provider.calendarNamed(named.accountId(), named.calendarId(), listed.get());
        if (calendar.isEmpty()) {
            problems.add(new ConfigProblem(at, named.key() + ": account " + named.accountId()
                    + " has no such calendar in its list (see calsync calendars --account " + named.accountId() + ")"));
            return Optional.empty();
        }
        names.remember(named.accountId(), named.calendarId(), calendar.get().id());
        return Optional.of(new CalendarRef(named.accountId(), calendar.get().id()));
    }

    private Optional<List<CalendarInfo>> list(String accountId) {
        try {
            return Optional.of(provider.listCalendars(accountId));
        } catch (ProviderException e) {
            LOG.log(Level.WARNING, "the calendar list of account {0} could not be read: {1}", accountId,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
