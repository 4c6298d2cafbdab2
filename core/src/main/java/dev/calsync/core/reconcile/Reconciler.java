package dev.calsync.core.reconcile;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockOp;
import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.KnownBlock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The diff: desired blocks against the blocks known to exist, as a plan of inserts, updates, resets,
 * deletes and forgets. Pure, and the same whatever order its inputs come in. Within a target the plan is
 * in block id order, so a block series is written before any of its occurrences.
 */
public final class Reconciler {
    private static final Comparator<BlockOp> ORDER =
            Comparator.comparing((BlockOp op) -> op.target().key()).thenComparing(BlockOp::blockId);

    private static final String CANCELLED = BlockBody.cancelledOccurrence(Map.of()).contentHash();

    private Reconciler() {
    }

    public static List<BlockOp> plan(Collection<DesiredBlock> desired, Collection<KnownBlock> known,
                                     Set<SourceKey> agedOut) {
        Map<String, KnownBlock> knownById = new HashMap<>();
        for (KnownBlock block : known) {
            knownById.merge(slot(block.target().key(), block.blockId()), block, Reconciler::morePessimistic);
        }
        Map<String, DesiredBlock> desiredById = new HashMap<>();
        for (DesiredBlock block : desired) {
            desiredById.put(slot(block.target().key(), block.blockId()), block);
        }
        List<BlockOp> plan = new ArrayList<>();
        for (Map.Entry<String, DesiredBlock> entry : desiredById.entrySet()) {
            DesiredBlock want = entry.getValue();
            KnownBlock have = knownById.get(entry.getKey());
            if (agedOut.contains(new SourceKey(want.source().key(), want.sourceEventId()))) {
                // A series that ended before the window: correct a block series written earlier (its rule was
                // cut short), forget one that is right, never write one anew.
                if (have != null && have.state() != BlockState.PENDING) {
                    plan.add(have.contentHash().equals(want.contentHash())
                            ? new BlockOp.Forget(have) : new BlockOp.Update(want));
                } else if (have != null) {
                    plan.add(new BlockOp.Insert(want));
                }
            } else if (have == null || have.state() == BlockState.PENDING) {
                // An occurrence exists with its series and can only be overwritten; anything else is inserted,
                // and a pending row may or may not exist on the target: the insert's answer tells.
                plan.add(want.isInstance() ? new BlockOp.Update(want) : new BlockOp.Insert(want));
            } else if (have.state() == BlockState.EDITED || !have.contentHash().equals(want.contentHash())) {
                plan.add(new BlockOp.Update(want));
            }
        }
        for (Map.Entry<String, KnownBlock> entry : knownById.entrySet()) {
            if (!desiredById.containsKey(entry.getKey())) {
                plan.add(removal(entry.getValue(), desiredById, agedOut));
            }
        }
        reapplyOccurrencesOfRestoredSeries(plan, knownById, desiredById.values());
        plan.sort(ORDER);
        return plan;
    }

    /**
     * Creating a block series, or putting back one deleted or moved by hand, can bring back occurrences that
     * were overridden or cancelled on the old one. So every desired occurrence of such a series is written
     * again after it, whatever its row says. (A series that follows a change of its source keeps its
     * exceptions, as the provider keeps them: no extra writes then.)
     */
    private static void reapplyOccurrencesOfRestoredSeries(List<BlockOp> plan, Map<String, KnownBlock> knownById,
                                                           Collection<DesiredBlock> desired) {
        Set<String> restoredSeries = new HashSet<>();
        Set<String> planned = new HashSet<>();
        for (BlockOp op : plan) {
            String slot = slot(op.target().key(), op.blockId());
            planned.add(slot);
            KnownBlock have = knownById.get(slot);
            if (op instanceof BlockOp.Insert
                    || op instanceof BlockOp.Update && have != null && have.state() == BlockState.EDITED) {
                restoredSeries.add(slot);
            }
        }
        for (DesiredBlock want : desired) {
            if (want.isInstance() && restoredSeries.contains(slot(want.target().key(), want.seriesBlockId()))
                    && !planned.contains(slot(want.target().key(), want.blockId()))) {
                plan.add(new BlockOp.Update(want));
            }
        }
    }

    /** How a block nobody wants any more goes away. */
    private static BlockOp removal(KnownBlock have, Map<String, DesiredBlock> desiredById, Set<SourceKey> agedOut) {
        if (agedOut.contains(new SourceKey(have.sourceCalendar(), have.sourceEventId()))) {
            return new BlockOp.Forget(have);
        }
        if (have.occurrence() == null) {
            return new BlockOp.Delete(have);
        }
        // An occurrence of a block series: deleting it would cancel that occurrence. If the series stays,
        // put the occurrence back as the series has it; if the series goes, the occurrence goes with it.
        DesiredBlock series = desiredById.get(slot(have.target().key(), have.occurrence().seriesKey()));
        if (series == null) {
            return new BlockOp.Forget(have);
        }
        if (series.body().recurrence().isEmpty()) {
            // The series became a single event: an override it had would stay on its own, so it goes.
            return have.contentHash().equals(CANCELLED) ? new BlockOp.Forget(have) : new BlockOp.Delete(have);
        }
        Optional<DesiredBlock> plain = OccurrenceDefaults.of(series, have);
        return plain.<BlockOp>map(BlockOp.Reset::new).orElseGet(() -> new BlockOp.Forget(have));
    }

    private static String slot(String target, String blockId) {
        return target + "\n" + blockId;
    }

    /** Two rows for one block (a listing and a stored intent): trust the one that asks for a write. */
    private static KnownBlock morePessimistic(KnownBlock a, KnownBlock b) {
        return a.state() == BlockState.PENDING ? a : b;
    }
}
