package dev.calsync.integration.simulation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.calendar.CalendarNames;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallListener;
import dev.calsync.core.sync.RetiredBlockRemoval;
import dev.calsync.core.group.RepeatedPairs;
import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import dev.calsync.core.group.Window;
import dev.calsync.core.rules.CalendarRole;
import dev.calsync.core.rules.GroupRules;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.emulator.FaultScope;
import dev.calsync.emulator.FaultType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One try of the simulation: two people, six calendars, three groups (two of them sharing a calendar), the
 * events the people made, and the engines working on it. Everything here is driven by the generated actions;
 * nothing is random inside, so a seed replays the same try.
 */
final class World {
    static final List<String> CALENDARS = List.of("aWork", "aTeam", "aHome", "aSide", "aPrivate", "bWork", "bHome");
    /** Alice's private account: each try's calendar on it is its primary, so "primary" names it (an alias). */
    static final String PRIVATE_ACCOUNT = "sim-alice-private";
    static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York");
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** An event a person made; series remember their occurrences so one can be edited or cancelled. */
    record UserEvent(String calendar, String id, boolean recurring, List<Instant> occurrences) {
    }

    /** One meeting with a copy on several calendars (the person was invited on each): same iCalUID. */
    record Meeting(String uid, List<UserEvent> copies) {
    }

    final SimulationRig rig;
    final int tryNo;
    final String prefix;
    final Instant today;
    final Map<String, CalendarRef> calendars = new LinkedHashMap<>();
    final Map<String, SyncGroup> groups = new LinkedHashMap<>();
    /** Groups taken out of the configuration (their blocks left for the removal); they may be added back. */
    final Map<String, SyncGroup> retired = new LinkedHashMap<>();
    final List<UserEvent> events = new ArrayList<>();
    final List<Meeting> meetings = new ArrayList<>();
    /** Every event without the calsync marker, as the person left it: the engine must never change one. */
    final Map<String, String> userSnapshot = new TreeMap<>();
    final SimulationStats.Try stats = new SimulationStats.Try();
    private SyncEngine engine;
    private int workers;
    private int eventCounter;
    private boolean pageSizeCapped;

    World(SimulationRig rig) {
        this.rig = rig;
        this.tryNo = rig.nextTry();
        this.prefix = "t" + tryNo;
        rig.clock.advance(Duration.ofMinutes(1));
        this.today = rig.clock.instant().truncatedTo(ChronoUnit.DAYS);
        for (String name : CALENDARS) {
            String account = name.startsWith("b") ? "sim-bob"
                    : name.equals("aWork") || name.equals("aTeam") ? "sim-alice-work"
                    : name.equals("aPrivate") ? PRIVATE_ACCOUNT : "sim-alice-home";
            String id = prefix + "-" + name.toLowerCase() + "@sim.example";
            rig.emulator.addCalendar(account, id, name, account.equals(PRIVATE_ACCOUNT));
            calendars.put(name, new CalendarRef(account, id));
        }
        group("g1", "alice", "aWork", "aHome");
        group("g2", "alice", "aHome", "aSide");
        group("g3", "bob", "bWork", "bHome");
        engine = newEngine(StepHook.none());
    }

    private void group(String name, String owner, String... members) {
        List<CalendarRef> refs = new ArrayList<>();
        for (String member : members) {
            refs.add(calendars.get(member));
        }
        saveGroup(new SyncGroup(prefix + "-" + name, owner, "Busy", new Window(30, 90), SyncMode.INCREMENTAL,
                ManualEditPolicy.RESTORE, refs));
    }

    private void saveGroup(SyncGroup group) {
        groups.put(group.id(), group);
        rig.store.saveGroup(group);
    }

    SyncEngine newEngine(StepHook hook) {
        return engineOn(new HookedSyncStore(rig.store, hook), hook);
    }

    private SyncEngine engineOn(HookedSyncStore store, StepHook hook) {
        workers++;
        return new SyncEngine(rig.provider((calendar, kind, outcome) -> hook.step()), store, rig.recurrences,
                rig.clock, prefix + "-worker-" + workers, SimulationRig.LEASE_TTL);
    }

    // --- people editing their calendars ---------------------------------------------------------------------

    void create(String calendar, int day, int hour, int minutes, boolean allDay, boolean transparent) {
        create(calendar, day, hour, minutes, allDay, transparent, false);
    }

    /** @param outOfOffice an out-of-office entry (timed only, as Google makes them) */
    void create(String calendar, int day, int hour, int minutes, boolean allDay, boolean transparent,
                boolean outOfOffice) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("id", nextId());
        if (outOfOffice && !allDay) {
            event.put("eventType", "outOfOffice");
        }
        event.put("summary", "private meeting " + eventCounter);
        event.put("description", "agenda that must never leak");
        if (allDay) {
            LocalDates dates = new LocalDates(today.plus(Duration.ofDays(day)));
            event.set("start", JsonNodeFactory.instance.objectNode().put("date", dates.start()));
            event.set("end", JsonNodeFactory.instance.objectNode().put("date", dates.next()));
        } else {
            Instant start = at(day, hour);
            event.set("start", dateTime(start, "UTC"));
            event.set("end", dateTime(start.plus(Duration.ofMinutes(minutes)), "UTC"));
        }
        if (transparent) {
            event.put("transparency", "transparent");
        }
        userInsert(calendar, event, false, List.of());
    }

    /** A daily or weekly series of {@code count} occurrences, in one of three time zones. */
    void createRecurring(String calendar, int day, int hour, int minutes, boolean weekly, int count, String zone) {
        ZoneId zoneId = ZoneId.of(zone);
        ZonedDateTime first = at(day, 0).atZone(zoneId).withHour(hour);
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("id", nextId());
        event.put("summary", "series " + eventCounter);
        event.set("start", dateTime(first.toInstant(), zone));
        event.set("end", dateTime(first.toInstant().plus(Duration.ofMinutes(minutes)), zone));
        event.putArray("recurrence").add("RRULE:FREQ=" + (weekly ? "WEEKLY" : "DAILY") + ";COUNT=" + count);
        List<Instant> occurrences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            occurrences.add((weekly ? first.plusWeeks(i) : first.plusDays(i)).toInstant());
        }
        userInsert(calendar, event, true, occurrences);
    }

    void move(UserEvent event, int day, int hour) {
        ObjectNode json = current(event);
        if (json == null || json.path("start").has("date")) {
            return;
        }
        Duration length = Duration.between(instant(json.path("start")), instant(json.path("end")));
        Instant start = at(day, hour);
        json.set("start", dateTime(start, "UTC"));
        json.set("end", dateTime(start.plus(length), "UTC"));
        userUpdate(event.calendar(), event.id(), json);
    }

    void resize(UserEvent event, int minutes) {
        ObjectNode json = current(event);
        if (json == null || json.path("start").has("date")) {
            return;
        }
        String zone = json.path("end").path("timeZone").asText("UTC");
        json.set("end", dateTime(instant(json.path("start")).plus(Duration.ofMinutes(minutes)), zone));
        userUpdate(event.calendar(), event.id(), json);
    }

    void setTransparency(UserEvent event, boolean transparent) {
        ObjectNode json = current(event);
        if (json == null) {
            return;
        }
        json.put("transparency", transparent ? "transparent" : "opaque");
        userUpdate(event.calendar(), event.id(), json);
    }

    /** The owner answers an invitation: declined events are not busy, accepted ones are. */
    void respond(UserEvent event, boolean decline) {
        respond(event, decline ? "declined" : "accepted");
    }

    /** @param status declined, accepted, tentative or needsAction (a tentative or unanswered invitation) */
    void respond(UserEvent event, String status) {
        ObjectNode json = current(event);
        if (json == null) {
            return;
        }
        ArrayNode attendees = json.putArray("attendees");
        attendees.addObject().put("email", calendars.get(event.calendar()).calendarId())
                .put("responseStatus", status);
        attendees.addObject().put("email", "organizer@elsewhere.example").put("responseStatus", "accepted");
        userUpdate(event.calendar(), event.id(), json);
    }

    /** One meeting the person was invited to on several calendars: a copy on each, accepted, same iCalUID. */
    void createCopies(List<String> onCalendars, int day, int hour, int minutes) {
        String uid = "meeting-" + prefix + "-" + (eventCounter + 1) + "@elsewhere.example";
        List<UserEvent> copies = new ArrayList<>();
        Instant start = at(day, hour);
        for (String calendar : onCalendars.stream().distinct().toList()) {
            ObjectNode event = JsonNodeFactory.instance.objectNode();
            event.put("id", nextId());
            event.put("iCalUID", uid);
            event.put("summary", "meeting " + uid);
            event.set("start", dateTime(start, "UTC"));
            event.set("end", dateTime(start.plus(Duration.ofMinutes(minutes)), "UTC"));
            ArrayNode attendees = event.putArray("attendees");
            attendees.addObject().put("email", calendarId(calendar)).put("responseStatus", "accepted");
            attendees.addObject().put("email", "organizer@elsewhere.example").put("responseStatus", "accepted");
            userInsert(calendar, event, false, List.of());
            copies.add(events.get(events.size() - 1));
        }
        meetings.add(new Meeting(uid, copies));
    }

    /** The organiser moves the meeting: every copy still there moves with it. */
    void moveMeeting(Meeting meeting, int day, int hour) {
        meeting.copies().forEach(copy -> move(copy, day, hour));
    }

    /**
     * A calendar named by an alias: alice adds her private account's "primary" to a group, resolved through the
     * provider as the app does before a group is used. Refused (nothing saved) when the calendar is in the group
     * already under its own id, or when the group would repeat another group's pair.
     */
    void addByAlias(String groupId) {
        SyncGroup group = groups.get(groupId);
        List<dev.calsync.core.calendar.CalendarInfo> listed;
        try {
            listed = rig.checkingProvider.listCalendars(PRIVATE_ACCOUNT);
        } catch (dev.calsync.core.provider.ProviderException e) {
            return; // the list cannot be read now (a fault): the alias is not used, the person tries again later
        }
        CalendarRef canonical = rig.checkingProvider.calendarNamed(PRIVATE_ACCOUNT, CalendarNames.PRIMARY, listed)
                .map(c -> new CalendarRef(PRIVATE_ACCOUNT, c.id())).orElseThrow();
        if (!canonical.equals(calendars.get("aPrivate"))) {
            throw new AssertionError("primary of " + PRIVATE_ACCOUNT + " resolved to " + canonical);
        }
        if (group.calendars().contains(canonical)) {
            stats.refused++;
            return; // named twice: refused
        }
        List<CalendarRef> members = new ArrayList<>(group.calendars());
        members.add(canonical);
        SyncGroup candidate = withCalendars(group, members);
        if (!RepeatedPairs.with(candidate, new ArrayList<>(groups.values())).isEmpty()) {
            stats.refused++;
            return;
        }
        saveGroup(candidate);
    }

    /** The account's grant is revoked: every call with the configured token answers 401 until it is restored. */
    void revokeToken(String account) {
        rig.emulator.addAccount(account, "revoked-" + account);
        stats.faults++;
    }

    void restoreTokens() {
        SimulationRig.TOKENS.forEach(rig.emulator::addAccount);
    }

    void delete(UserEvent event) {
        ObjectNode json = current(event);
        if (json == null) {
            return;
        }
        rig.emulator.userDelete(calendarId(event.calendar()), event.id());
        snapshot(event.calendar());
    }

    /** One occurrence of a series moved by some hours (or shortened), which makes it an exception. */
    void editOccurrence(UserEvent series, int index, int shiftHours, int minutes) {
        String instanceId = instanceId(series, index);
        ObjectNode json = rig.emulator.userGet(calendarId(series.calendar()), instanceId);
        if (json == null || "cancelled".equals(json.path("status").asText()) || current(series) == null) {
            return;
        }
        String zone = json.path("start").path("timeZone").asText("UTC");
        Instant start = instant(json.path("start")).plus(Duration.ofHours(shiftHours));
        json.set("start", dateTime(start, zone));
        json.set("end", dateTime(start.plus(Duration.ofMinutes(minutes)), zone));
        userUpdate(series.calendar(), instanceId, json);
    }

    void cancelOccurrence(UserEvent series, int index) {
        String instanceId = instanceId(series, index);
        ObjectNode json = rig.emulator.userGet(calendarId(series.calendar()), instanceId);
        if (json == null || "cancelled".equals(json.path("status").asText()) || current(series) == null) {
            return;
        }
        rig.emulator.userDelete(calendarId(series.calendar()), instanceId);
        snapshot(series.calendar());
    }

    /** Live blocks as stored on a calendar (series and their exceptions, not expanded). */
    List<String> storedBlocks(String calendar) {
        return rig.emulator.userListAll(calendarId(calendar), false).stream()
                .filter(Oracle::isBlock).map(e -> e.get("id").asText()).toList();
    }

    void handDeleteBlock(String calendar, String blockId) {
        ObjectNode json = rig.emulator.userGet(calendarId(calendar), blockId);
        if (json == null || json.has("recurrence") && !handEditSeries) {
            return;
        }
        rig.emulator.userDelete(calendarId(calendar), blockId);
        stats.handEdits++;
    }

    /**
     * Whole block series moved or deleted by hand (EngineRegressionTest has the bugs this found);
     * -Dcalsync.simulation.handEditSeries=false leaves them out.
     */
    static final boolean HAND_EDIT_SERIES =
            !"false".equals(System.getProperty("calsync.simulation.handEditSeries"));

    boolean handEditSeries = HAND_EDIT_SERIES;
    boolean forceZombieRaces;

    void handMoveBlock(String calendar, String blockId, int hours) {
        ObjectNode json = rig.emulator.userGet(calendarId(calendar), blockId);
        if (json == null || json.path("start").has("date")) {
            return;
        }
        if (json.has("recurrence") && !handEditSeries) {
            return;
        }
        String zone = json.path("start").path("timeZone").asText("UTC");
        json.set("start", dateTime(instant(json.path("start")).plus(Duration.ofHours(hours)), zone));
        json.set("end", dateTime(instant(json.path("end")).plus(Duration.ofHours(hours)), zone));
        rig.emulator.userUpdate(calendarId(calendar), blockId, json);
        stats.handEdits++;
    }

    void addCalendar(String groupId, String calendar) {
        SyncGroup group = groups.get(groupId);
        CalendarRef ref = calendars.get(calendar);
        if (group.calendars().contains(ref)) {
            return;
        }
        List<CalendarRef> members = new ArrayList<>(group.calendars());
        members.add(ref);
        saveGroup(withCalendars(group, members));
    }

    void removeCalendar(String groupId, String calendar) {
        SyncGroup group = groups.get(groupId);
        CalendarRef ref = calendars.get(calendar);
        if (!group.calendars().contains(ref) || group.calendars().size() <= 2) {
            return;
        }
        List<CalendarRef> members = new ArrayList<>(group.calendars());
        members.remove(ref);
        saveGroup(withCalendars(group, members));
    }

    /** The group taken out of the configuration: the store forgets it but keeps its block rows. */
    void retireGroup(String groupId) {
        SyncGroup group = groups.remove(groupId);
        retired.put(groupId, group);
        rig.store.retireGroup(groupId);
        stats.retirements++;
    }

    /** The same group (same id) back in the configuration: it continues from the rows it kept. */
    void addBackGroup(String groupId) {
        saveGroup(retired.remove(groupId));
    }

    /** What cleanup and the safety reconcile do for retired groups (faults may be on: it may stop half-way). */
    RetiredBlockRemoval.Result removeRetired() {
        return new RetiredBlockRemoval(rig.provider(CallListener.NONE), rig.store, rig.clock, prefix + "-remover",
                SimulationRig.LEASE_TTL).run();
    }

    private static SyncGroup withCalendars(SyncGroup group, List<CalendarRef> members) {
        return new SyncGroup(group.id(), group.owner(), group.busyTitle(), group.window(), group.mode(),
                group.manualEdits(), members, group.rules());
    }

    /** The person changes the group's rules and its blocks' title (the roles stay). */
    void setRules(String groupId, String busyTitle, GroupRules rules) {
        SyncGroup group = groups.get(groupId);
        saveGroup(new SyncGroup(group.id(), group.owner(), busyTitle, group.window(), group.mode(),
                group.manualEdits(), group.calendars(), new GroupRules(rules.busy(), rules.color(),
                group.rules().roles(), rules.names())));
        stats.ruleChanges++;
    }

    /** The person gives a calendar of the group another role (a calendar not in the group: nothing). */
    void setRole(String groupId, String calendar, CalendarRole role) {
        SyncGroup group = groups.get(groupId);
        CalendarRef ref = calendars.get(calendar);
        if (!group.calendars().contains(ref)) {
            return;
        }
        Map<CalendarRef, CalendarRole> roles = new java.util.HashMap<>(group.rules().roles());
        roles.put(ref, role);
        saveGroup(group.withRules(group.rules().withRoles(roles)));
        stats.ruleChanges++;
    }

    // --- the engine -------------------------------------------------------------------------------------------

    GroupReport sync(String groupId, SyncRequest request) {
        GroupReport report = engine.sync(groups.get(groupId), request);
        stats.passes++;
        if (report.outcome() == GroupReport.Outcome.LEASE_HELD) {
            stats.leaseHeld++;
        }
        TokenCheck.assertTokensNotAhead(this);
        return report;
    }

    /** A pass killed after its k-th step (API call or store write); a fresh engine takes over. */
    void syncAndCrash(String groupId, int step, boolean waitForLease) {
        StepHook hook = StepHook.crashAfter(step);
        SyncEngine doomed = newEngine(hook);
        try {
            doomed.sync(groups.get(groupId), SyncRequest.poll());
        } catch (StepHook.SimulatedCrash crash) {
            stats.crashes++;
        }
        stats.passes++;
        TokenCheck.assertTokensNotAhead(this);
        engine = newEngine(StepHook.none());
        if (waitForLease) {
            rig.clock.advance(SimulationRig.LEASE_TTL.plusSeconds(1));
        }
    }

    /**
     * Races where the paused first engine outlives its lease (EngineRegressionTest has the bug this found);
     * -Dcalsync.simulation.zombieRaces=false keeps pauses within the lease.
     */
    static final boolean ZOMBIE_RACES = !"false".equals(System.getProperty("calsync.simulation.zombieRaces"));

    /**
     * Two passes on one group, interleaved deterministically: at its k-th step the first is paused (a long
     * GC pause, a slow network), time moves on — past its lease or not — and a second pass runs whole; then the
     * first goes on with what it had planned. The second pass runs on another engine (another process or node)
     * or, with {@code sameEngine}, on the first one's engine (another scheduler thread of the same node).
     */
    void race(String groupId, int step, boolean outlive, boolean sameEngine, Supplier<Void> meanwhile) {
        boolean pauseOutlivesLease = outlive && (ZOMBIE_RACES || forceZombieRaces);
        SyncEngine[] engines = new SyncEngine[2];
        HookedSyncStore[] firstStore = new HookedSyncStore[1];
        engines[1] = sameEngine ? null : newEngine(StepHook.none());
        StepHook hook = StepHook.interludeAfter(step, () -> {
            boolean firstHoldsTheLease = firstStore[0].holdsALease() && !pauseOutlivesLease;
            if (pauseOutlivesLease) {
                rig.clock.advance(SimulationRig.LEASE_TTL.plusSeconds(1));
            }
            meanwhile.get();
            GroupReport report = (sameEngine ? engines[0] : engines[1]).sync(groups.get(groupId), SyncRequest.poll());
            stats.passes++;
            if (report.outcome() == GroupReport.Outcome.LEASE_HELD) {
                stats.leaseHeld++;
            } else if (firstHoldsTheLease) {
                throw new AssertionError("two passes over " + groupId + " at once: the second ran ("
                        + report.outcome() + ") while the first held the lease"
                        + (sameEngine ? " on the same engine" : ""));
            }
        });
        firstStore[0] = new HookedSyncStore(rig.store, hook);
        engines[0] = engineOn(firstStore[0], hook);
        GroupReport first = engines[0].sync(groups.get(groupId), SyncRequest.poll());
        stats.passes++;
        if (hook.fired()) {
            stats.races++;
        }
        if (first.outcome() == GroupReport.Outcome.LEASE_HELD) {
            stats.leaseHeld++;
        }
        TokenCheck.assertTokensNotAhead(this);
    }

    // --- faults -----------------------------------------------------------------------------------------------

    void failNext(int count, FaultType type, String calendarOrNull) {
        FaultScope scope = calendarOrNull == null ? FaultScope.ANY : FaultScope.calendar(calendarId(calendarOrNull));
        rig.emulator.faults().failNext(count, type, scope);
        stats.faults++;
    }

    void loseResponses(int count, boolean close) {
        rig.emulator.faults().loseResponsesOfNextWrites(count, close);
        stats.faults++;
    }

    void expireTokens() {
        rig.emulator.faults().expireAllSyncTokens();
        stats.faults++;
    }

    void togglePageSizeOne() {
        pageSizeCapped = !pageSizeCapped;
        rig.emulator.faults().capPageSize(pageSizeCapped ? 1 : 0);
        if (pageSizeCapped) {
            stats.faults++;
        }
    }

    void advanceClock(Duration by) {
        rig.clock.advance(by);
    }

    /** Faults stop; dead engines' leases run out. */
    void stopFaults() {
        rig.emulator.faults().reset();
        restoreTokens();
        pageSizeCapped = false;
        rig.clock.advance(SimulationRig.LEASE_TTL.plusSeconds(1));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    String calendarId(String calendar) {
        return calendars.get(calendar).calendarId();
    }

    List<UserEvent> liveEvents(boolean recurring) {
        return events.stream().filter(e -> e.recurring() == recurring).filter(e -> current(e) != null).toList();
    }

    ObjectNode current(UserEvent event) {
        ObjectNode json = rig.emulator.userGet(calendarId(event.calendar()), event.id());
        return json == null || "cancelled".equals(json.path("status").asText()) ? null : json;
    }

    private String instanceId(UserEvent series, int index) {
        Instant original = series.occurrences().get(index % series.occurrences().size());
        return series.id() + "_" + SUFFIX.format(original);
    }

    private void userInsert(String calendar, ObjectNode event, boolean recurring, List<Instant> occurrences) {
        rig.emulator.userInsert(calendarId(calendar), event);
        events.add(new UserEvent(calendar, event.get("id").asText(), recurring, occurrences));
        snapshot(calendar);
    }

    private void userUpdate(String calendar, String eventId, ObjectNode json) {
        rig.emulator.userUpdate(calendarId(calendar), eventId, json);
        snapshot(calendar);
    }

    /** Remembers every non-block event of the calendar as the person left it. */
    void snapshot(String calendar) {
        rig.clock.advance(Duration.ofSeconds(1));
        String id = calendarId(calendar);
        userSnapshot.keySet().removeIf(key -> key.startsWith(id + "/"));
        rig.emulator.userListAll(id, true).stream().filter(e -> !Oracle.isBlock(e))
                .forEach(e -> userSnapshot.put(id + "/" + e.get("id").asText(), e.toString()));
    }

    /** Event ids the person's client chose: base32hex, unique per try, the same for the same seed. */
    private String nextId() {
        eventCounter++;
        return "u" + prefix.substring(1) + "e" + eventCounter + "0000";
    }

    Instant at(int day, int hour) {
        return today.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
    }

    static ObjectNode dateTime(Instant instant, String zone) {
        ObjectNode time = JsonNodeFactory.instance.objectNode();
        time.put("dateTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZoneId.of(zone))));
        time.put("timeZone", zone);
        return time;
    }

    static Instant instant(com.fasterxml.jackson.databind.JsonNode time) {
        return ZonedDateTime.parse(time.path("dateTime").asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    private record LocalDates(Instant day) {
        String start() {
            return day.atZone(ZoneOffset.UTC).toLocalDate().toString();
        }

        String next() {
            return day.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).toString();
        }
    }
}
