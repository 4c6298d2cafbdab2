package dev.calsync.integration.simulation;

import java.util.Map;
import java.util.TreeMap;

/** What the simulation explored, summed over all tries, for the test output and the README. */
final class SimulationStats {
    /** One try's counts. */
    static final class Try {
        int actions;
        int faults;
        int crashes;
        int races;
        int handEdits;
        int passes;
        int leaseHeld;
        int settlePasses;
        int retirements;
        /** Groups refused before use: a calendar named twice through an alias, a repeated pair. */
        int refused;
        int ruleChanges;
    }

    private int tries;
    private long actions;
    private long faults;
    private long crashes;
    private long races;
    private long handEdits;
    private long passes;
    private long leaseHeld;
    private int maxSettlePasses;
    private long retirements;
    private long refused;
    private long ruleChanges;
    private final Map<String, Long> byAction = new TreeMap<>();

    synchronized void action(String name) {
        byAction.merge(name, 1L, Long::sum);
    }

    synchronized void add(Try t) {
        tries++;
        actions += t.actions;
        faults += t.faults;
        crashes += t.crashes;
        races += t.races;
        handEdits += t.handEdits;
        passes += t.passes;
        leaseHeld += t.leaseHeld;
        retirements += t.retirements;
        refused += t.refused;
        maxSettlePasses = Math.max(maxSettlePasses, t.settlePasses);
        ruleChanges += t.ruleChanges;
    }

    synchronized String summary(long millis) {
        return String.format("calsync simulation: %d runs, %d actions, %d faults injected (%d crashes, %d races of two "
                        + "engines), %d hand edits of blocks, %d groups refused before use, %d rule or role "
                        + "changes, %d groups taken out of the configuration, %d engine passes (%d skipped: lease held); "
                        + "converged within %d fault-free polls at most; %.1f s%n  actions: %s",
                tries, actions, faults + crashes + races, crashes, races, handEdits, refused, ruleChanges, retirements, passes,
                leaseHeld,
                maxSettlePasses, millis / 1000.0, byAction);
    }
}
