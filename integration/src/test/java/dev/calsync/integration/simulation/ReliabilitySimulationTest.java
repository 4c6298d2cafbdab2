package dev.calsync.integration.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.rules.CalendarRole;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.emulator.FaultType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Model-based fault simulation: random sequences of what people do to their calendars, interleaved with
 * everything that can go wrong between calsync and Google (expired tokens, rate limits, 5xx bursts, writes
 * applied but unanswered, one-item pages, a process killed between any two steps and replaced by a fresh
 * engine, two engines racing on one group). Then faults stop, at most three fault-free polls run (no full
 * reconcile), and the invariants must hold:
 * <ul>
 *   <li>on every calendar, each group's blocks are exactly one per busy occurrence of the group's other
 *       calendars, at the same times (independent oracle on the emulator's own expansion) and the Verifier
 *       finds no missing, duplicate, orphan or stale block;</li>
 *   <li>no event without the calsync marker was changed;</li>
 *   <li>after every pass, crashed or not, each stored sync token is backed by the cache committed with it;</li>
 *   <li>a fault-free poll over a converged state writes nothing;</li>
 *   <li>groups are taken out of the configuration and added back with the same id: once the removal of retired
 *       groups' blocks has run (as cleanup and the safety reconcile run it), no block of a retired group is left
 *       anywhere and the store records none.</li>
 * </ul>
 * People also change their groups' rules at random ({@link SimulatedRules}: title templates, tentative, all-day,
 * out of office, hours, titles to skip, colour, calendar names) and the calendars' roles; the oracle applies the
 * same rules, written again on its own.
 * Deterministic for a seed; jqwik prints the seed, and a failure shrinks to a short sequence of actions.
 * Replay: put the printed seed into {@code @Property(seed = "…")} below (or just run again: jqwik replays the
 * last failing seed first from {@code target/.jqwik-database}).
 */
class ReliabilitySimulationTest {
    private static final SimulationStats STATS = new SimulationStats();
    private static final long STARTED = System.currentTimeMillis();
    private static final int MAX_ACTIONS = 30;
    private static final int SETTLE_POLLS = 3;

    @BeforeTry
    void faultsFromAnEarlierTryNeverLeak() {
        SimulationRig.shared().emulator.faults().reset();
        SimulationRig.TOKENS.forEach(SimulationRig.shared().emulator::addAccount);
    }

    @AfterContainer
    static void printWhatWasExplored() {
        System.out.println(STATS.summary(System.currentTimeMillis() - STARTED));
    }

    @Property(tries = 1000)
    void noDuplicateNoOrphanNothingLostWhateverFails(@ForAll("runs") ActionChain<World> chain) {
        World world = chain.run();
        world.stopFaults();
        // cleanup / the safety reconcile: what retired groups left goes (it resumes what a fault stopped).
        assertThat(world.removeRetired().complete()).as("the removal of retired groups' blocks completes").isTrue();
        int polls = 0;
        boolean quiet = false;
        while (polls < SETTLE_POLLS && !quiet) {
            polls++;
            quiet = true;
            for (String group : world.groups.keySet()) {
                GroupReport report = world.sync(group, SyncRequest.poll());
                quiet &= report.outcome() == GroupReport.Outcome.SYNCED && report.writes() == 0;
            }
        }
        world.stats.settlePasses = polls;
        STATS.add(world.stats);
        assertThat(quiet).as("a fault-free poll over the converged state writes nothing (within %d polls)",
                SETTLE_POLLS).isTrue();
        Oracle.assertConverged(world);
        Oracle.assertRetiredGone(world);
        Oracle.assertUserEventsUntouched(world);
    }

    @Provide
    Arbitrary<ActionChain<World>> runs() {
        SimulationRig rig = SimulationRig.shared();
        return ActionChain.startWith(() -> new World(rig))
                // people
                .withAction(6, act("create", w -> true, w -> Combinators.combine(calendar(), day(), hour(),
                        Arbitraries.of(15, 30, 60, 90, 180), Arbitraries.integers().between(0, 9),
                        Arbitraries.integers().between(0, 6)).as((c, d, h, m, allDay, free) ->
                        mutate("create " + c + " day " + d + " " + h + "h " + m + "min" + (allDay == 0 ? " all-day" : "")
                                + (free == 0 ? " free" : ""), x -> x.create(c, d, h, m, allDay == 0, free == 0)))))
                .withAction(3, act("createRecurring", w -> true, w -> Combinators.combine(calendar(), day(), hour(),
                        Arbitraries.of(30, 60), Arbitraries.of(false, true), Arbitraries.integers().between(2, 6),
                        Arbitraries.of(World.ZONES)).as((c, d, h, m, weekly, count, zone) ->
                        mutate("create series " + c + " day " + d + " " + h + "h " + (weekly ? "weekly" : "daily") + " x"
                                + count + " " + zone, x -> x.createRecurring(c, d, h, m, weekly, Math.min(count, weekly ? 3 : 6), zone)))))
                .withAction(3, act("move", w -> !w.liveEvents(false).isEmpty(), w -> Combinators.combine(
                        Arbitraries.of(w.liveEvents(false)), day(), hour()).as((e, d, h) ->
                        mutate("move " + e.id() + " to day " + d + " " + h + "h", x -> x.move(e, d, h)))))
                .withAction(2, act("resize", w -> !w.events.isEmpty(), w -> Combinators.combine(
                        Arbitraries.of(w.events), Arbitraries.of(15, 45, 120)).as((e, m) ->
                        mutate("resize " + e.id() + " to " + m + "min", x -> x.resize(e, m)))))
                .withAction(2, act("transparency", w -> !w.events.isEmpty(), w -> Combinators.combine(
                        Arbitraries.of(w.events), Arbitraries.of(false, true)).as((e, t) ->
                        mutate((t ? "mark free " : "mark busy ") + e.id(), x -> x.setTransparency(e, t)))))
                .withAction(2, act("respond", w -> !w.events.isEmpty(), w -> Combinators.combine(
                        Arbitraries.of(w.events), Arbitraries.of("declined", "accepted", "tentative", "needsAction"))
                        .as((e, status) -> mutate("answer " + status + " to " + e.id(), x -> x.respond(e, status)))))
                .withAction(1, act("createOutOfOffice", w -> true, w -> Combinators.combine(calendar(), day(), hour(),
                        Arbitraries.of(60, 240, 600)).as((c, d, h, m) -> mutate("create out of office " + c + " day " + d
                                + " " + h + "h " + m + "min", x -> x.create(c, d, h, m, false, false, true)))))
                // rules
                .withAction(2, act("changeRules", w -> true, w -> Combinators.combine(group(w), SimulatedRules.titles(),
                        SimulatedRules.rules(w)).as((g, title, rules) -> mutate("rules of " + g + ": title \"" + title
                                + "\", " + SimulatedRules.describe(rules), x -> x.setRules(g, title, rules)))))
                .withAction(2, act("changeRole", w -> true, w -> Combinators.combine(group(w), calendar(),
                        Arbitraries.of(CalendarRole.values())).as((g, c, role) ->
                        mutate("role of " + c + " in " + g + ": " + role.configName(), x -> x.setRole(g, c, role)))))
                .withAction(2, act("delete", w -> !w.events.isEmpty(), w -> Arbitraries.of(w.events).map(e ->
                        mutate("delete " + e.id(), x -> x.delete(e)))))
                .withAction(2, act("editOccurrence", w -> !w.liveEvents(true).isEmpty(), w -> Combinators.combine(
                        Arbitraries.of(w.liveEvents(true)), Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(1, 3), Arbitraries.of(30, 90)).as((e, i, shift, m) ->
                        mutate("edit occurrence " + i + " of " + e.id() + " +" + shift + "h " + m + "min",
                                x -> x.editOccurrence(e, i, shift, m)))))
                .withAction(2, act("cancelOccurrence", w -> !w.liveEvents(true).isEmpty(), w -> Combinators.combine(
                        Arbitraries.of(w.liveEvents(true)), Arbitraries.integers().between(0, 5)).as((e, i) ->
                        mutate("cancel occurrence " + i + " of " + e.id(), x -> x.cancelOccurrence(e, i)))))
                .withAction(2, act("handDeleteBlock", w -> !blocks(w).isEmpty(), w -> Arbitraries.of(blocks(w)).map(b ->
                        mutate("hand-delete block " + b[1] + " on " + b[0], x -> x.handDeleteBlock(b[0], b[1])))))
                .withAction(2, act("handMoveBlock", w -> !blocks(w).isEmpty(), w -> Combinators.combine(
                        Arbitraries.of(blocks(w)), Arbitraries.of(1, 2, -1)).as((b, h) ->
                        mutate("hand-move block " + b[1] + " on " + b[0] + " by " + h + "h",
                                x -> x.handMoveBlock(b[0], b[1], h)))))
                .withAction(3, act("createCopies", w -> true, w -> Combinators.combine(group(w), day(), hour(),
                        Arbitraries.of(30, 60), Arbitraries.integers().between(0, 15)).as((g, d, h, m, mask) -> {
                            List<String> members = members(w, g, mask);
                            return mutate("meeting with copies on " + members + " day " + d + " " + h + "h " + m + "min",
                                    x -> x.createCopies(members, d, h, m));
                        })))
                .withAction(2, act("moveMeeting", w -> !w.meetings.isEmpty(), w -> Combinators.combine(
                        Arbitraries.of(w.meetings), day(), hour()).as((meeting, d, h) ->
                        mutate("organiser moves " + meeting.uid() + " to day " + d + " " + h + "h",
                                x -> x.moveMeeting(meeting, d, h)))))
                .withAction(1, act("addByAlias", w -> !alicesGroups(w).isEmpty(), w -> Arbitraries.of(alicesGroups(w)).map(g ->
                        mutate("add " + World.PRIVATE_ACCOUNT + "/primary to " + g, x -> x.addByAlias(g)))))
                .withAction(1, act("addCalendar", w -> true, w -> Combinators.combine(group(w), calendar()).as((g, c) ->
                        mutate("add " + c + " to " + g, x -> x.addCalendar(g, c)))))
                .withAction(1, act("removeCalendar", w -> true, w -> Combinators.combine(group(w), calendar()).as((g, c) ->
                        mutate("remove " + c + " from " + g, x -> x.removeCalendar(g, c)))))
                .withAction(1, act("retireGroup", w -> w.groups.size() > 1, w -> group(w).map(g ->
                        mutate("take " + g + " out of the configuration", x -> x.retireGroup(g)))))
                .withAction(1, act("addBackGroup", w -> !w.retired.isEmpty(), w -> Arbitraries.of(
                        new ArrayList<>(w.retired.keySet())).map(g ->
                        mutate("add " + g + " back to the configuration", x -> x.addBackGroup(g)))))
                .withAction(1, act("removeRetired", w -> !w.retired.isEmpty(), w -> Arbitraries.just(
                        mutate("remove the blocks of retired groups", World::removeRetired))))
                // the engine
                .withAction(8, act("poll", w -> true, w -> Combinators.combine(group(w), Arbitraries.integers().between(0, 19),
                        calendar()).as((g, kind, c) -> {
                            String what = kind < 16 ? "poll" : kind == 16 ? "push " + c : kind == 17 ? "horizon" : "full";
                            return mutate(what + " " + g, x -> x.sync(g, kind < 16 ? SyncRequest.poll()
                                    : kind == 16 ? SyncRequest.calendar(x.calendars.get(c))
                                    : kind == 17 ? SyncRequest.horizon() : SyncRequest.fullReconcile()));
                        })))
                .withAction(3, act("crash", w -> true, w -> Combinators.combine(group(w),
                        Arbitraries.integers().between(1, 40), Arbitraries.of(true, false)).as((g, k, wait) ->
                        mutate("poll " + g + " killed after step " + k + (wait ? ", lease expires" : ""),
                                x -> x.syncAndCrash(g, k, wait)))))
                .withAction(2, act("race", w -> true, w -> Combinators.combine(group(w),
                        Arbitraries.integers().between(1, 30), Arbitraries.of(true, false), Arbitraries.of(true, false),
                        calendar(), day()).as((g, k, outlive, same, c, d) -> mutate("race on " + g
                                + ": first pass paused after step " + k
                                + (outlive && World.ZOMBIE_RACES ? " past its lease" : "") + " while " + c
                                + " gets an event on day " + d + " and a second pass polls on "
                                + (same ? "the same engine" : "another engine"), x -> x.race(g, k, outlive, same, () -> {
                                    x.create(c, d, 10, 30, false, false);
                                    return null;
                                })))))
                // faults
                .withAction(1, act("expireTokens", w -> true, w -> Arbitraries.just(
                        mutate("410: expire all sync tokens", World::expireTokens))))
                .withAction(2, act("rateLimit", w -> true, w -> Combinators.combine(Arbitraries.of(
                        FaultType.RATE_LIMIT_EXCEEDED, FaultType.USER_RATE_LIMIT_EXCEEDED, FaultType.TOO_MANY_REQUESTS),
                        Arbitraries.integers().between(1, 6)).as((type, n) ->
                        mutate(n + " x " + type, x -> x.failNext(n, type, null)))))
                .withAction(2, act("serverErrors", w -> true, w -> Combinators.combine(Arbitraries.of(
                        FaultType.BACKEND_ERROR, FaultType.SERVICE_UNAVAILABLE), Arbitraries.integers().between(1, 8),
                        calendar().injectNull(0.5)).as((type, n, c) ->
                        mutate(n + " x " + type + (c == null ? "" : " on " + c), x -> x.failNext(n, type, c)))))
                .withAction(2, act("lostResponses", w -> true, w -> Combinators.combine(
                        Arbitraries.integers().between(1, 3), Arbitraries.of(true, false)).as((n, close) ->
                        mutate("lose the responses of the next " + n + " writes" + (close ? " (connection closed)" : " (503)"),
                                x -> x.loseResponses(n, close)))))
                .withAction(1, act("revokeToken", w -> true, w -> Arbitraries.of(
                        new ArrayList<>(SimulationRig.TOKENS.keySet()).stream().sorted().toList()).map(a ->
                        mutate("revoke the token of " + a, x -> x.revokeToken(a)))))
                .withAction(1, act("restoreTokens", w -> true, w -> Arbitraries.just(
                        mutate("restore every token", World::restoreTokens))))
                .withAction(1, act("pageSizeOne", w -> true, w -> Arbitraries.just(
                        mutate("toggle page size 1", World::togglePageSizeOne))))
                .withAction(1, act("advanceClock", w -> true, w -> Arbitraries.integers().between(1, 120).map(m ->
                        mutate("advance the clock " + m + " min", x -> x.advanceClock(Duration.ofMinutes(m))))))
                .withMaxTransformations(MAX_ACTIONS);
    }

    private static Action.Dependent<World> act(String name, Predicate<World> when,
                                               Function<World, Arbitrary<Transformer<World>>> transformers) {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(World world) {
                return when.test(world);
            }

            @Override
            public Arbitrary<Transformer<World>> transformer(World world) {
                return transformers.apply(world).map(t -> Transformer.mutate(t.transformation(), w -> {
                    w.stats.actions++;
                    STATS.action(name);
                    t.apply(w);
                }));
            }
        };
    }

    private static Transformer<World> mutate(String description, java.util.function.Consumer<World> change) {
        return Transformer.mutate(description, change);
    }

    private static Arbitrary<String> calendar() {
        return Arbitraries.of(World.CALENDARS);
    }

    private static Arbitrary<String> group(World world) {
        return Arbitraries.of(new ArrayList<>(world.groups.keySet()));
    }

    /** The group's calendars picked by the bits of {@code mask}; at least two (the first two when too few). */
    private static List<String> members(World world, String groupId, int mask) {
        List<String> names = new ArrayList<>();
        // The group may have been taken out of the configuration since it was drawn: its calendars still count.
        var group = world.groups.getOrDefault(groupId, world.retired.get(groupId));
        world.calendars.forEach((name, ref) -> {
            if (group.calendars().contains(ref)) {
                names.add(name);
            }
        });
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                picked.add(names.get(i));
            }
        }
        return picked.size() >= 2 ? picked : names.subList(0, Math.min(2, names.size()));
    }

    private static List<String> alicesGroups(World world) {
        return world.groups.values().stream().filter(g -> g.owner().equals("alice")).map(g -> g.id()).toList();
    }

    private static Arbitrary<Integer> day() {
        return Arbitraries.integers().between(1, 12);
    }

    private static Arbitrary<Integer> hour() {
        return Arbitraries.integers().between(7, 19);
    }

    /** [calendar, block id] of every live block stored anywhere in the world. */
    private static List<String[]> blocks(World world) {
        List<String[]> all = new ArrayList<>();
        for (String calendar : World.CALENDARS) {
            world.storedBlocks(calendar).forEach(id -> all.add(new String[] {calendar, id}));
        }
        return all;
    }
}
