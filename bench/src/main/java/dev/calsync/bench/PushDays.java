package dev.calsync.bench;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.ChangeChannels;
import dev.calsync.core.push.EchoWindow;
import dev.calsync.core.push.Notification;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.core.push.ChannelTokens;
import dev.calsync.google.GoogleChangeChannels;
import dev.calsync.emulator.push.PushNotifications;
import dev.calsync.push.ChannelKeeper;
import dev.calsync.push.ChannelRound;
import dev.calsync.push.ConfirmingEchoLedger;
import dev.calsync.push.DebounceWindows;
import dev.calsync.push.NotificationIntake;
import dev.calsync.push.PushTiming;
import dev.calsync.push.Verdict;
import dev.calsync.store.ClusterQueries;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The push mode's days, on the service's own push rules and classes: Google's channels opened and renewed by the
 * {@link ChannelKeeper} every channel round, each notification checked and sorted by the {@link NotificationIntake}
 * (echoes of our writes absorbed through the same ledger the service uses), changes debounced by fixed
 * {@link DebounceWindows} into one pass per calendar and window, and a slow safety poll of every group. Only the
 * scheduling is simulated: syncs and rounds run in simulated time, one after the other.
 */
final class PushDays implements AutoCloseable {
    private final Batch batch;
    private final Stats stats;
    private final PushTiming timing;
    private final PushReceiver receiver = new PushReceiver(GoogleFace.SOCKETS);
    private final DebounceWindows windows;
    private final SimulatedDebouncer debouncer;
    private final ChannelKeeper keeper;
    private final ChannelRound rounds;
    private final NotificationIntake intake;
    /** Calendar and debounce window of each user change: each costs one list in the lower bound, echoes none. */
    private final Set<String> changeWindows = new HashSet<>();
    /** Calendars that had an echo absorbed in the current drain. */
    private final Set<CalendarRef> absorbed = new HashSet<>();
    private final ConfirmingEchoLedger echoes;
    private final PushNotifications notifications;
    /** Person changes not yet read by a pass that listed their calendar, by calendar id. */
    private final Map<String, Deque<Instant>> unread = new HashMap<>();

    PushDays(Batch batch) {
        this.batch = batch;
        this.stats = batch.stats;
        this.timing = batch.plan.push();
        ChangeChannels google = new GoogleChangeChannels(batch.googleProvider(),
                new ChannelTokens(String.format("calsync-bench-push-secret-%016x", batch.plan.options().seed())));
        Map<CalendarRef, Integer> userOf = new HashMap<>();
        for (int u = 0; u < batch.groups.size(); u++) {
            for (CalendarRef calendar : batch.groups.get(u).calendars()) {
                userOf.put(calendar, u);
            }
        }
        echoes = batch.echoes;
        notifications = batch.google().emulator.notifications();
        if (!GoogleFace.SOCKETS) {
            notifications.setDelivery(receiver::take);
        }
        if (!batch.plan.spec().pushMerge().isZero()) {
            notifications.setMergeWindow(batch.plan.spec().pushMerge());
        }
        windows = new DebounceWindows(timing.debounce());
        debouncer = new SimulatedDebouncer(windows, batch.clock, userOf);
        ClusterQueries queries = new ClusterQueries(batch.dataSource);
        keeper = new ChannelKeeper(google, batch.channels, queries::calendarsInGroups, receiver.address(), timing,
                ChannelKeeper.Listener.NONE, batch.clock);
        rounds = new ChannelRound(List.of(keeper), echoes, debouncer);
        intake = new NotificationIntake(google, batch.channels, echoes, debouncer, this::count, batch.clock);
    }

    /** The first channel round, before the initial sync (which reads every calendar its channel left uncovered). */
    void openChannels() {
        keeper.maintain();
    }

    void run() {
        Instant end = batch.end();
        List<TimelineItem> timeline = WorkloadReplay.withRoutine(WorkloadReplay.withRoutine(batch.replay.timeline(),
                TimelineItem.Routine.SAFETY_POLL, timing.safetyPoll(), end),
                TimelineItem.Routine.CHANNEL_ROUND, timing.channelRound(), end);
        for (TimelineItem item : timeline) {
            syncDue(item.at());
            batch.clock.set(item.at());
            if (item.routine() == TimelineItem.Routine.SAFETY_POLL) {
                safetyPoll(item.at());
            } else if (item.routine() == TimelineItem.Routine.CHANNEL_ROUND) {
                channelRound();
            } else {
                if (item.change() != null) {
                    changeWindows.add(item.change().calendarId() + "|" + windows.at(item.at()).index());
                    unread.computeIfAbsent(item.change().calendarId(), c -> new ArrayDeque<>()).add(item.at());
                }
                batch.replay.apply(item);
                drain();
            }
            batch.report(item.at());
        }
        syncDue(Instant.MAX);
        if (!batch.plan.spec().pushMerge().isZero()) {
            // The bound does not depend on how the provider delivers: one list per calendar and window with a user
            // change, whether or not a notified pass fell into that window.
            stats.boundLists += changeWindows.size();
        }
        unread.values().forEach(changes -> stats.delayedChanges += changes.size());
        stats.mergedNotifications = notifications.merged();
        stats.mergingCalendars = batch.channels.mergingCalendars();
        stats.confirmingLists = echoes.confirmations();
    }

    /**
     * Runs, in time order, every debounced sync due by {@code until} (each at its window's end, as the push-sync task
     * does), every notification the provider held back to merge that is due by then, and the confirming list of
     * every echo window of a merging channel that closes by then.
     */
    private void syncDue(Instant until) {
        while (true) {
            Instant merged = notifications.nextMergedDue();
            Instant closes = batch.echoCloses.next();
            Instant bound = earliest(until, earliest(merged, closes));
            SimulatedDebouncer.Due due = debouncer.takeDue(bound);
            if (due != null) {
                if (due.at().isAfter(batch.clock.instant())) {
                    batch.clock.set(due.at());
                }
                batch.passes.dayPass(due.user(), SyncRequest.calendar(due.calendar()), batch.clock.instant(), 1);
                stats.notifiedPasses++;
                read(due.calendar(), due.at());
                if (changeWindows.remove(due.calendar().calendarId() + "|" + due.window())) {
                    stats.boundLists++;
                }
                drain();
            } else if (bound.equals(merged) && !merged.isAfter(until)) {
                moveTo(merged);
                notifications.deliverDue();
                drain();
            } else if (bound.equals(closes) && !closes.isAfter(until)) {
                moveTo(closes);
                EchoWindow window = batch.echoCloses.takeDue(closes);
                Instant again = echoes.closeDue(window.calendar(), window.number(), debouncer);
                if (again != null) {
                    batch.echoCloses.schedule(window, again);
                }
            } else {
                return;
            }
        }
    }

    private void moveTo(Instant at) {
        if (at.isAfter(batch.clock.instant())) {
            batch.clock.set(at);
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /** A pass that listed {@code calendar} at {@code at} read the person changes made there before. */
    private void read(CalendarRef calendar, Instant at) {
        Deque<Instant> changes = unread.get(calendar.calendarId());
        while (changes != null && !changes.isEmpty() && !changes.peekFirst().isAfter(at)) {
            changes.pollFirst();
        }
    }

    private void safetyPoll(Instant at) {
        for (int u = 0; u < batch.users.size(); u++) {
            int calendars = batch.groups.get(u).calendars().size();
            // What is still unread on the group's calendars waited for this poll (unless it was made just now).
            for (CalendarRef calendar : batch.groups.get(u).calendars()) {
                Deque<Instant> changes = unread.get(calendar.calendarId());
                Instant recent = at.minus(timing.echoWindow()).minus(timing.debounce());
                while (changes != null && !changes.isEmpty() && !changes.peekFirst().isAfter(at)) {
                    if (changes.pollFirst().isBefore(recent)) {
                        stats.delayedChanges++;
                    }
                }
            }
            batch.passes.dayPass(u, SyncRequest.poll(), at, calendars);
            stats.safetyPolls++;
            stats.boundSafety += calendars;
        }
        drain();
    }

    private void channelRound() {
        // As in the service (a calendar whose channel lapsed is read once it has one again: none lapse here).
        ChannelKeeper.Round round = rounds.run().get(0);
        stats.renewals += round.renewed();
        // A renewal opens the new channel and stops the old one.
        stats.boundRenewals += 2L * round.renewed();
        drain();
    }

    /** Waits for every notification sent so far, then hands them to the intake in the order they came. */
    void drain() {
        receiver.awaitAll(() -> batch.google().emulator.notifications().sent());
        absorbed.clear();
        Notification notification;
        while ((notification = receiver.poll()) != null) {
            intake.receive(notification);
        }
        // Without absorption each calendar that got echoes would have cost one list.
        stats.echoListsAvoided += absorbed.size();
    }

    private void count(Verdict verdict, CalendarRef calendar) {
        stats.notifications++;
        switch (verdict) {
            case CHANNEL_OPENED -> stats.channelOpenedNotifications++;
            case ABSORBED -> {
                stats.echoNotifications++;
                absorbed.add(calendar);
            }
            case ACCEPTED, MISSED, REMOVED -> stats.acceptedNotifications++;
            case UNKNOWN_CHANNEL -> stats.staleChannelNotifications++;
            default -> stats.rejectedNotifications++;
        }
    }

    @Override
    public void close() {
        receiver.close();
    }
}
