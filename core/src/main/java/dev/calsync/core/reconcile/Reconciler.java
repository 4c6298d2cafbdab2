package dev.calsync.core.reconcile;

import dev.calsync.core.block.BlockOp;
import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.KnownBlock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The diff: desired blocks against the blocks known to exist, as a plan of inserts, updates, deletes and
 * forgets. Pure, and the same whatever order its inputs come in.
 */
public final class Reconciler {
    private static final Comparator<BlockOp> ORDER =
            Comparator.comparing((BlockOp op) -> op.target().key()).thenComparing(BlockOp::blockId);

    private Reconciler() {
    }

    public static List<BlockOp> plan(Collection<DesiredBlock> desired, Collection<KnownBlock> known,
                                     Set<SourceKey> agedOut) {
        Map<String, KnownBlock> knownById = new HashMap<>();
        for (KnownBlock block : known) {
            knownById.merge(slot(block.target().key(), block.blockId()), block, Reconciler::morePessimistic);
        }
        List<BlockOp> plan = new ArrayList<>();
        Map<String, DesiredBlock> desiredById = new HashMap<>();
        for (DesiredBlock block : desired) {
            desiredById.put(slot(block.target().key(), block.blockId()), block);
        }
        for (Map.Entry<String, DesiredBlock> entry : desiredById.entrySet()) {
            DesiredBlock want = entry.getValue();
            KnownBlock have = knownById.get(entry.getKey());
            if (have == null || have.state() == BlockState.PENDING) {
                // A pending row may or may not exist on the target: the insert's 409 tells.
                plan.add(new BlockOp.Insert(want));
            } else if (!have.contentHash().equals(want.contentHash())) {
                plan.add(new BlockOp.Update(want));
            }
        }
        for (Map.Entry<String, KnownBlock> entry : knownById.entrySet()) {
            if (desiredById.containsKey(entry.getKey())) {
                continue;
            }
            KnownBlock have = entry.getValue();
            if (agedOut.contains(new SourceKey(have.sourceCalendar(), have.sourceEventId()))) {
                plan.add(new BlockOp.Forget(have));
            } else {
                plan.add(new BlockOp.Delete(have));
            }
        }
        plan.sort(ORDER);
        return plan;
    }

    private static String slot(String target, String blockId) {
        return target + "\n" + blockId;
    }

    /** Two rows for one block (a listing and a stored intent): trust the one that asks for a write. */
    private static KnownBlock morePessimistic(KnownBlock a, KnownBlock b) {
        return a.state() == BlockState.PENDING ? a : b;
    }
}
