package dev.calsync.core.sync;

import dev.calsync.core.block.BlockOp;
import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.InsertOutcome;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.provider.UpdateOutcome;
import dev.calsync.core.store.SyncStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase five of a pass: apply a plan through the provider, recording each write in the store as soon as
 * it is confirmed. Every write is idempotent (deterministic ids; 409 → update; 404/410 on delete → done),
 * so replaying a plan after a crash or a lost response never makes a duplicate.
 */
final class PlanExecutor {
    private final CalendarProvider provider;
    private final SyncStore store;

    PlanExecutor(CalendarProvider provider, SyncStore store) {
        this.provider = provider;
        this.store = store;
    }

    /** Counts of what was done, and the first failure of each target that stopped its writes. */
    static final class Result {
        int inserted;
        int updated;
        int deleted;
        int forgotten;
        final Map<CalendarRef, ProviderException> failedTargets = new LinkedHashMap<>();

        int failedWrites() {
            return failedTargets.size();
        }
    }

    Result apply(List<BlockOp> plan, BlockRows rows, Lease lease) {
        writeIntents(plan, rows);
        Result result = new Result();
        for (BlockOp op : plan) {
            if (result.failedTargets.containsKey(op.target())) {
                continue;
            }
            lease.keepAlive();
            try {
                applyOne(op, rows, result);
            } catch (ProviderException e) {
                // One broken target must not stop the others; its remaining writes wait for the next pass.
                result.failedTargets.put(op.target(), e);
            }
        }
        return result;
    }

    /**
     * Before an insert is sent, remember that the block may exist: if the process dies before the answer,
     * the next pass still knows to converge that id (insert it again, or delete it if no longer wanted).
     */
    private void writeIntents(List<BlockOp> plan, BlockRows rows) {
        List<KnownBlock> intents = plan.stream()
                .filter(op -> op instanceof BlockOp.Insert)
                .map(op -> ((BlockOp.Insert) op).block().known(BlockState.PENDING))
                .filter(intent -> rows.get(intent.target(), intent.blockId()).isEmpty())
                .toList();
        if (!intents.isEmpty()) {
            store.saveBlocks(intents);
            intents.forEach(rows::put);
        }
    }

    private void applyOne(BlockOp op, BlockRows rows, Result result) {
        if (op instanceof BlockOp.Insert insert) {
            put(insert.block(), true, rows);
            result.inserted++;
        } else if (op instanceof BlockOp.Update update) {
            put(update.block(), false, rows);
            result.updated++;
        } else if (op instanceof BlockOp.Reset reset) {
            // The occurrence may be gone with a changed series: then there is nothing to put back.
            provider.update(reset.target(), reset.blockId(), reset.block().body());
            store.removeBlock(reset.block().groupId(), reset.target(), reset.blockId());
            rows.remove(reset.target(), reset.blockId());
            result.updated++;
        } else if (op instanceof BlockOp.Delete delete) {
            provider.delete(delete.target(), delete.blockId());
            forget(delete.block(), rows);
            result.deleted++;
        } else if (op instanceof BlockOp.Forget aged) {
            forget(aged.block(), rows);
            result.forgotten++;
        }
    }

    /** Write the block and record it; an occurrence the series does not have is left unrecorded. */
    private void put(DesiredBlock block, boolean insertFirst, BlockRows rows) {
        if (block.isInstance() ? putOccurrence(block) : putBlock(block, insertFirst)) {
            confirm(block, rows);
        } else {
            // Not written: no row, so the next pass tries again (after the series itself is put right).
            store.removeBlock(block.groupId(), block.target(), block.blockId());
            rows.remove(block.target(), block.blockId());
        }
    }

    /** Insert or update, falling over to the other when the target's answer says the guess was wrong. */
    private boolean putBlock(DesiredBlock block, boolean insertFirst) {
        if (insertFirst && provider.insert(block.target(), block.blockId(), block.body()) == InsertOutcome.CREATED) {
            return true;
        }
        if (provider.update(block.target(), block.blockId(), block.body()) == UpdateOutcome.UPDATED) {
            return true;
        }
        if (insertFirst || provider.insert(block.target(), block.blockId(), block.body()) != InsertOutcome.CREATED) {
            throw new ProviderException(ProviderException.Kind.REJECTED, 409, "conflict",
                    "block " + block.blockId() + " both exists and does not exist on " + block.target());
        }
        return true;
    }

    /**
     * An occurrence of a block series is written through its instance id: overwritten, or deleted to cancel
     * it. An update's 404 means the series has no such occurrence now (moved by hand, or its rule changed).
     */
    private boolean putOccurrence(DesiredBlock block) {
        if (block.body().cancelled()) {
            provider.delete(block.target(), block.blockId());
            return true;
        }
        return provider.update(block.target(), block.blockId(), block.body()) == UpdateOutcome.UPDATED;
    }

    private void confirm(DesiredBlock block, BlockRows rows) {
        KnownBlock row = block.known(BlockState.SYNCED);
        store.saveBlock(row);
        rows.put(row);
    }

    private void forget(KnownBlock block, BlockRows rows) {
        store.removeBlock(block.groupId(), block.target(), block.blockId());
        rows.remove(block.target(), block.blockId());
    }
}
