package dev.calsync.integration.simulation;

/**
 * Counts the steps of one engine (every HTTP call it sends, every write to the store) and, at step k, either
 * kills it (every later call of that engine throws {@link SimulatedCrash}, so nothing more reaches the API or
 * the store, the lease included: like {@code kill -9}) or runs an interlude (another engine racing it) and
 * lets it go on.
 */
final class StepHook {
    /** Thrown where the process would have died; not a ProviderException, so the engine cannot catch it. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(int step) {
            super("simulated crash after step " + step, null, false, false);
        }
    }

    private final int at;
    private final Runnable interlude;
    private int steps;
    private boolean dead;
    private boolean fired;

    private StepHook(int at, Runnable interlude) {
        this.at = at;
        this.interlude = interlude;
    }

    static StepHook none() {
        return new StepHook(Integer.MAX_VALUE, null);
    }

    static StepHook crashAfter(int step) {
        return new StepHook(step, null);
    }

    static StepHook interludeAfter(int step, Runnable interlude) {
        return new StepHook(step, interlude);
    }

    /** Before any call: a dead engine makes no further call. */
    void checkAlive() {
        if (dead) {
            throw new SimulatedCrash(steps);
        }
    }

    /** After a call took effect. */
    void step() {
        checkAlive();
        steps++;
        if (steps != at || fired) {
            return;
        }
        fired = true;
        if (interlude == null) {
            dead = true;
            throw new SimulatedCrash(steps);
        }
        interlude.run();
    }

    boolean fired() {
        return fired;
    }

    int steps() {
        return steps;
    }
}
