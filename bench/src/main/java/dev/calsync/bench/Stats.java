package dev.calsync.bench;

import dev.calsync.core.provider.CallKind;
import dev.calsync.core.sync.VerifyReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Everything measured in one mode, over all its batches; turned into a {@link ModeResult} at the end. */
final class Stats {
    final ModeSpec spec;
    final int users;
    final int days;
    /** Simulated hours per user (days × 24 unless a mode is cut short); per-day figures are calls / user-days. */
    double simulatedHours;
    long wallNanos;
    long processCpuNanos;
    int parallelBatches = 1;
    /** Where the benchmark's own time went, summed over batches (thread time, not wall time, when batches overlap). */
    final Map<String, Long> phaseNanos = new LinkedHashMap<>();
    long peakHeapBytes;
    long retainedHeapBytes;
    int heldUsers;

    // lower bound parts
    long boundLists;
    long boundWrites;
    long boundRenewals;
    long boundSafety;
    // workload
    long changes;
    long blockChanges;
    long changedEventsPerPass;
    final Map<String, Long> changesByKind = new TreeMap<>();
    long tokenExpiries;
    long rateLimitBursts;
    // passes
    long polls;
    long notifiedPasses;
    long safetyPolls;
    long renewals;
    final LongAdder passes = new LongAdder();
    final LongAdder cpuNanos = new LongAdder();
    /** Of the passes' CPU: inside provider calls (adapter, official client, emulator), and of that in the emulator. */
    long callCpuNanos;
    long emulatorCpuNanos;
    final LongAdder passWallNanos = new LongAdder();
    final LongAdder writesReported = new LongAdder();
    final AtomicLong partialPasses = new AtomicLong();
    final AtomicLong resolvedWithoutWrites = new AtomicLong();
    long unpropagated;
    private long idlePasses;
    private long idleCalls;
    private long idleCalendars;
    private long peakPerMinute;
    private final List<Double> latencies = new ArrayList<>();
    private final List<Double> wallLatencies = new ArrayList<>();
    // push
    long notifications;
    long channelOpenedNotifications;
    long acceptedNotifications;
    long echoNotifications;
    long echoListsAvoided;
    long staleChannelNotifications;
    long rejectedNotifications;
    long mergedNotifications;
    long confirmingLists;
    long mergingCalendars;
    /** Person changes that no notified pass read: they waited for the safety poll (or the end of the day). */
    long delayedChanges;
    // calls
    long initialCalls;
    final Map<String, Long> initialByKind = new TreeMap<>();
    long dayCalls;
    long dayTallyCalls;
    final Map<String, Long> dayByKind = new TreeMap<>();
    final Map<String, Long> dayEmulatorByKind = new TreeMap<>();
    final Map<String, Long> dayByKindAndOutcome = new TreeMap<>();
    long backoffMillis;
    final List<String> countMismatches = new ArrayList<>();
    // verify
    long groupsVerified;
    long groupsConsistent;
    final Map<String, Long> problemsByKind = new TreeMap<>();
    final List<String> problemSamples = new ArrayList<>();

    Stats(ModeSpec spec, int users, int days) {
        this.spec = spec;
        this.users = users;
        this.days = days;
        this.simulatedHours = days * 24.0;
    }

    /** Adds the time since {@code startedNanos} to {@code phase}; returns now, the start of the next phase. */
    synchronized long phase(String phase, long startedNanos) {
        long now = System.nanoTime();
        phaseNanos.merge(phase, now - startedNanos, Long::sum);
        return now;
    }

    /** Adds everything one batch measured (its own Stats) to this mode's. */
    synchronized void merge(Stats b) {
        retainedHeapBytes = Math.max(retainedHeapBytes, b.retainedHeapBytes);
        b.phaseNanos.forEach((k, v) -> phaseNanos.merge(k, v, Long::sum));
        boundLists += b.boundLists;
        boundWrites += b.boundWrites;
        boundRenewals += b.boundRenewals;
        boundSafety += b.boundSafety;
        changes += b.changes;
        blockChanges += b.blockChanges;
        changedEventsPerPass += b.changedEventsPerPass;
        b.changesByKind.forEach((k, v) -> changesByKind.merge(k, v, Long::sum));
        tokenExpiries += b.tokenExpiries;
        rateLimitBursts += b.rateLimitBursts;
        polls += b.polls;
        notifiedPasses += b.notifiedPasses;
        safetyPolls += b.safetyPolls;
        renewals += b.renewals;
        passes.add(b.passes.sum());
        cpuNanos.add(b.cpuNanos.sum());
        callCpuNanos += b.callCpuNanos;
        emulatorCpuNanos += b.emulatorCpuNanos;
        passWallNanos.add(b.passWallNanos.sum());
        writesReported.add(b.writesReported.sum());
        partialPasses.addAndGet(b.partialPasses.get());
        resolvedWithoutWrites.addAndGet(b.resolvedWithoutWrites.get());
        unpropagated += b.unpropagated;
        idlePasses += b.idlePasses;
        idleCalls += b.idleCalls;
        idleCalendars += b.idleCalendars;
        peakPerMinute = Math.max(peakPerMinute, b.peakPerMinute);
        latencies.addAll(b.latencies);
        wallLatencies.addAll(b.wallLatencies);
        notifications += b.notifications;
        channelOpenedNotifications += b.channelOpenedNotifications;
        acceptedNotifications += b.acceptedNotifications;
        echoNotifications += b.echoNotifications;
        echoListsAvoided += b.echoListsAvoided;
        staleChannelNotifications += b.staleChannelNotifications;
        rejectedNotifications += b.rejectedNotifications;
        mergedNotifications += b.mergedNotifications;
        confirmingLists += b.confirmingLists;
        mergingCalendars += b.mergingCalendars;
        delayedChanges += b.delayedChanges;
        initialCalls += b.initialCalls;
        b.initialByKind.forEach((k, v) -> initialByKind.merge(k, v, Long::sum));
        dayCalls += b.dayCalls;
        dayTallyCalls += b.dayTallyCalls;
        b.dayByKind.forEach((k, v) -> dayByKind.merge(k, v, Long::sum));
        b.dayEmulatorByKind.forEach((k, v) -> dayEmulatorByKind.merge(k, v, Long::sum));
        b.dayByKindAndOutcome.forEach((k, v) -> dayByKindAndOutcome.merge(k, v, Long::sum));
        backoffMillis += b.backoffMillis;
        countMismatches.addAll(b.countMismatches);
        groupsVerified += b.groupsVerified;
        groupsConsistent += b.groupsConsistent;
        b.problemsByKind.forEach((k, v) -> problemsByKind.merge(k, v, Long::sum));
        for (String sample : b.problemSamples) {
            if (problemSamples.size() < 10) {
                problemSamples.add(sample);
            }
        }
    }

    void recordPass(PassOutcome outcome) {
        passes.increment();
        cpuNanos.add(outcome.cpuNanos());
        passWallNanos.add(outcome.wallNanos());
        writesReported.add(outcome.report().writes());
    }

    synchronized void changedEvents(int events, int targets) {
        changedEventsPerPass += events;
        boundWrites += (long) events * targets;
    }

    synchronized void peak(long callsInMinute) {
        peakPerMinute = Math.max(peakPerMinute, callsInMinute);
    }

    synchronized void idle(long calls, int calendarsRead) {
        idlePasses++;
        idleCalls += calls;
        idleCalendars += calendarsRead;
    }

    synchronized void latency(double simulatedSeconds, double wallSeconds) {
        latencies.add(simulatedSeconds);
        if (!Double.isNaN(wallSeconds)) {
            wallLatencies.add(wallSeconds);
        }
    }

    void addInitial(long emulatorCalls, Map<CallKind, Long> byKind) {
        initialCalls += emulatorCalls;
        Benchmark.kindMap(byKind).forEach((k, v) -> initialByKind.merge(k, v, Long::sum));
    }

    void addDay(long emulatorCalls, long tallyCalls, Map<String, Long> emulatorKinds, Map<String, Long> tallyKinds,
                Map<String, Long> kindAndOutcome, long backoff) {
        dayCalls += emulatorCalls;
        dayTallyCalls += tallyCalls;
        emulatorKinds.forEach((k, v) -> dayEmulatorByKind.merge(k, v, Long::sum));
        tallyKinds.forEach((k, v) -> dayByKind.merge(k, v, Long::sum));
        kindAndOutcome.forEach((k, v) -> dayByKindAndOutcome.merge(k, v, Long::sum));
        backoffMillis += backoff;
        if (emulatorCalls != tallyCalls || !emulatorKinds.equals(tallyKinds)) {
            countMismatches.add("emulator counted " + emulatorKinds + " (" + emulatorCalls + "), CallTally "
                    + tallyKinds + " (" + tallyCalls + ")");
        }
    }

    void verify(VerifyReport report) {
        groupsVerified++;
        if (report.consistent()) {
            groupsConsistent++;
            return;
        }
        if (report.error() != null) {
            problemsByKind.merge("ERROR", 1L, Long::sum);
            if (problemSamples.size() < 10) {
                problemSamples.add(report.groupId() + ": " + report.error());
            }
        }
        for (VerifyReport.Problem p : report.problems()) {
            problemsByKind.merge(p.kind().name(), 1L, Long::sum);
            if (problemSamples.size() < 10) {
                problemSamples.add(report.groupId() + ": " + p.kind() + " block " + p.blockId() + " on " + p.target()
                        + " for " + p.sourceCalendar() + "/" + p.sourceEventId());
            }
        }
    }

    ModeResult result() {
        double userDays = users * simulatedHours / 24.0;
        double callsPerUserDay = dayCalls / userDays;
        long lowerBound = boundLists + boundWrites + boundRenewals + boundSafety;
        double ratio = lowerBound == 0 ? Double.NaN : (double) dayCalls / lowerBound;
        long faultCalls = dayByKindAndOutcome.entrySet().stream()
                .filter(e -> isFault(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        List<Double> wallSorted = new ArrayList<>(wallLatencies);
        Collections.sort(wallSorted);
        double p95 = percentile(sorted, 0.95);

        Map<String, Object> d = new LinkedHashMap<>();
        d.put("syncMode", spec.syncMode().name().toLowerCase(Locale.ROOT));
        d.put("pollIntervalSeconds", spec.push() ? null : spec.pollInterval().toSeconds());
        d.put("usersSimulated", users);
        if (simulatedHours != days * 24.0) {
            // Cut short (tests): per-day figures are scaled from these hours.
            d.put("simulatedHoursPerUser", simulatedHours);
        }
        d.put("callsByKind", dayByKind);
        Map<String, Double> perKind = new TreeMap<>();
        dayByKind.forEach((k, v) -> perKind.put(k, round(v / userDays, 2)));
        d.put("callsPerUserDayByKind", perKind);
        d.put("callsByKindAndOutcome", dayByKindAndOutcome);
        d.put("emulatorCallsByKind", dayEmulatorByKind);
        d.put("callTallyCalls", dayTallyCalls);
        d.put("countsAgree", countMismatches.isEmpty());
        if (!countMismatches.isEmpty()) {
            d.put("countMismatches", countMismatches);
        }
        d.put("initialCalls", initialCalls);
        d.put("initialCallsPerUser", round(initialCalls / (double) users, 2));
        d.put("initialCallsByKind", initialByKind);
        d.put("passes", passes.sum());
        d.put("polls", polls);
        d.put("callsPerPass", round(passes.sum() == 0 ? 0 : dayCalls / (double) passes.sum(), 3));
        d.put("idlePolls", idlePasses);
        d.put("idlePollCallsPerCalendar", round(idleCalendars == 0 ? Double.NaN : idleCalls / (double) idleCalendars, 4));
        Map<String, Long> bound = new LinkedHashMap<>();
        bound.put("lists", boundLists);
        bound.put("writes", boundWrites);
        bound.put("safetyPollLists", boundSafety);
        bound.put("channelRenewals", boundRenewals);
        d.put("lowerBoundParts", bound);
        d.put("lowerBoundPerUserDay", round(lowerBound / userDays, 2));
        d.put("excessOverLowerBound", excess(lowerBound));
        d.put("faultCalls", faultCalls);
        d.put("ratioExcludingFaults", round(lowerBound == 0 ? Double.NaN : (dayCalls - faultCalls) / (double) lowerBound, 4));
        d.put("changes", changes);
        d.put("blockChanges", blockChanges);
        d.put("changedSourceEventsPerPassSum", changedEventsPerPass);
        d.put("changesByKind", changesByKind);
        d.put("tokenExpiries", tokenExpiries);
        d.put("rateLimitBursts", rateLimitBursts);
        d.put("retryBackoffSeconds", round(backoffMillis / 1000.0, 1));
        d.put("peakCallsPerMinutePerUser", peakPerMinute);
        d.put("withinPerUserMinuteLimit", peakPerMinute <= Benchmark.PER_USER_MINUTE_LIMIT);
        d.put("propagationSamples", sorted.size());
        d.put("propagationP50Seconds", round(percentile(sorted, 0.50), 2));
        d.put("propagationMaxSeconds", round(sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1), 2));
        if (spec.push()) {
            d.put("propagationWallP50Seconds", round(percentile(wallSorted, 0.50), 3));
            d.put("propagationWallP95Seconds", round(percentile(wallSorted, 0.95), 3));
        }
        d.put("unpropagatedChanges", unpropagated);
        d.put("partialPasses", partialPasses.get());
        d.put("passesThatPickedUpChangesWithoutWriting", resolvedWithoutWrites.get());
        if (spec.push()) {
            Map<String, Object> push = new LinkedHashMap<>();
            push.put("notificationsReceived", notifications);
            push.put("channelOpenedNotifications", channelOpenedNotifications);
            // Each user change notifies once; accepted notifications beyond them are echoes that were not absorbed.
            push.put("userChangeNotifications", changes);
            push.put("acceptedNotifications", acceptedNotifications);
            push.put("echoNotificationsAbsorbed", echoNotifications);
            push.put("echoLists", Math.max(0, acceptedNotifications - changes));
            push.put("userChangesTakenForEchoes", Math.max(0, changes - acceptedNotifications));
            push.put("echoListsAvoided", echoListsAvoided);
            push.put("notifiedPasses", notifiedPasses);
            push.put("safetyPolls", safetyPolls);
            push.put("channelRenewals", renewals);
            push.put("staleChannelNotifications", staleChannelNotifications);
            push.put("rejectedNotifications", rejectedNotifications);
            push.put("changesMergedIntoOneNotification", mergedNotifications);
            push.put("calendarsSeenMerging", mergingCalendars);
            push.put("confirmingLists", confirmingLists);
            push.put("changesDelayedToSafetyPoll", delayedChanges);
            d.put("push", push);
        }
        d.put("engineCpuSecondsPer1000UserDays", round(cpuNanos.sum() / 1e9 / userDays * 1000, 2));
        d.put("passCpuSeconds", round(cpuNanos.sum() / 1e9, 3));
        d.put("callCpuSeconds", round(callCpuNanos / 1e9, 3));
        d.put("emulatorCpuSeconds", round(emulatorCpuNanos / 1e9, 3));
        d.put("engineWallSecondsPer1000UserDays", round(passWallNanos.sum() / 1e9 / userDays * 1000, 2));
        d.put("peakHeapMb", round(peakHeapBytes / 1048576.0, 1));
        d.put("usersHeldAtOnce", heldUsers);
        d.put("retainedHeapMbAtBatchEnd", round(retainedHeapBytes / 1048576.0, 1));
        d.put("retainedHeapMbPer1000UsersHeld", round(retainedHeapBytes / 1048576.0 / heldUsers * 1000, 1));
        d.put("wallSeconds", round(wallNanos / 1e9, 1));
        d.put("processCpuSeconds", round(processCpuNanos / 1e9, 1));
        d.put("processCpuSecondsPer1000UserDays", round(processCpuNanos / 1e9 / userDays * 1000, 1));
        d.put("parallelBatches", parallelBatches);
        Map<String, Double> phases = new LinkedHashMap<>();
        phaseNanos.forEach((k, v) -> phases.put(k, round(v / 1e9, 1)));
        d.put("phaseSeconds", phases);
        d.put("groupsVerified", groupsVerified);
        d.put("groupsConsistent", groupsConsistent);
        if (!problemsByKind.isEmpty()) {
            d.put("verifyProblems", problemsByKind);
            d.put("verifyProblemSamples", problemSamples);
        }
        return new ModeResult(spec.key(), users, days, dayCalls, round(callsPerUserDay, 2), lowerBound, round(ratio, 4),
                round(Benchmark.DAILY_QUOTA / callsPerUserDay, 0), round(p95, 2),
                groupsVerified == users && groupsConsistent == groupsVerified, d);
    }

    /** Calls beyond the lower bound, by what they were: lists, writes, watch/stop, answered with an error. */
    private Map<String, Long> excess(long lowerBound) {
        Map<String, Long> e = new LinkedHashMap<>();
        long lists = dayByKind.getOrDefault("list", 0L);
        long writes = dayByKind.getOrDefault("insert", 0L) + dayByKind.getOrDefault("update", 0L)
                + dayByKind.getOrDefault("delete", 0L) + dayByKind.getOrDefault("patch", 0L);
        long channels = dayByKind.getOrDefault("watch", 0L) + dayByKind.getOrDefault("stop", 0L);
        long other = dayCalls - lists - writes - channels;
        e.put("lists", lists - boundLists - boundSafety);
        e.put("writes", writes - boundWrites);
        e.put("watchAndStop", channels - boundRenewals);
        e.put("other", other);
        e.put("total", dayCalls - lowerBound);
        return e;
    }

    private static boolean isFault(String kindAndOutcome) {
        String outcome = kindAndOutcome.substring(kindAndOutcome.indexOf(' ') + 1);
        return !outcome.equals("ok") && !outcome.equals("404") && !outcome.equals("409");
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
