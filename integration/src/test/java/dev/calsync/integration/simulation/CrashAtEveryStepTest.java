package dev.calsync.integration.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncRequest;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Exhaustive where the simulation samples: a pass is killed after its 1st step, then in a fresh world after its
 * 2nd, and so on until a pass runs to its end, for a first (full) pass and for an incremental pass carrying
 * every kind of change. After each kill a fresh engine (new worker id) waits out the dead one's lease and polls;
 * the group must then be exactly right, with no event of the person touched.
 */
class CrashAtEveryStepTest {

    @Test
    void aFirstPassKilledAfterAnyStepIsCompletedByTheNextWorker() {
        int steps = killAtEveryStep(world -> { }, "first pass");
        // every API call and store write of the pass is a step: a first pass has at least ten
        assertThat(steps).isGreaterThanOrEqualTo(10);
    }

    @Test
    void anIncrementalPassKilledAfterAnyStepIsCompletedByTheNextWorker() {
        int steps = killAtEveryStep(world -> {
            world.sync(world.prefix + "-g1", SyncRequest.poll());
            World.UserEvent single = world.events.get(0);
            World.UserEvent series = world.events.get(2);
            world.move(single, 6, 14);
            world.delete(world.events.get(1));
            world.editOccurrence(series, 1, 2, 30);
            world.cancelOccurrence(series, 2);
            world.create("aHome", 8, 9, 60, false, false);
            world.handDeleteBlock("aHome", world.storedBlocks("aHome").get(0));
        }, "incremental pass");
        assertThat(steps).isGreaterThan(10);
    }

    /** @return how many steps the pass has (the first k at which it was no longer killed) */
    private static int killAtEveryStep(Consumer<World> before, String what) {
        SimulationRig rig = SimulationRig.shared();
        for (int k = 1; k < 500; k++) {
            World world = new World(rig);
            String g1 = world.prefix + "-g1";
            world.create("aWork", 1, 9, 30, false, false);
            world.create("aWork", 2, 10, 60, false, false);
            world.createRecurring("aWork", 3, 8, 30, false, 4, "Europe/Berlin");
            world.create("aHome", 4, 12, 30, false, false);
            before.accept(world);

            world.syncAndCrash(g1, k, true);
            boolean killed = world.stats.crashes > 0;
            GroupReport next = world.sync(g1, SyncRequest.poll());
            assertThat(next.outcome()).as("%s killed after step %d: the next worker's pass", what, k)
                    .isEqualTo(GroupReport.Outcome.SYNCED);
            for (String group : world.groups.keySet()) {
                world.sync(group, SyncRequest.poll());
            }
            Oracle.assertConverged(world);
            Oracle.assertUserEventsUntouched(world);
            if (!killed) {
                System.out.printf("calsync crash-at-every-step: %s killed after each of its %d steps, each recovered%n",
                        what, k - 1);
                return k - 1;
            }
        }
        throw new AssertionError("a pass with more than 500 steps");
    }
}
