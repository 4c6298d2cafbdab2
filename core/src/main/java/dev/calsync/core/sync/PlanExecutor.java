package dev.calsync.core.sync;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.BlockOp;
import dev.calsync.core.block.BlockState;
import dev.calsync.core.block.DesiredBlock;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.InsertOutcome;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.provider.UpdateOutcome;
import dev.calsync.core.store.SyncStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Phase five of a pass: apply a plan through the provider, recording each write in the store as soon as
 * it is confirmed. Every write is idempotent (deterministic keys; "exists" → update; "gone" on delete → done),
 * so replaying a plan after a crash or a lost response never makes a duplicate.
 */
final class PlanExecutor {
    private final CalendarProvider provider;
    private final SyncStore store;
    /** Stamped into every block written: this installation's id (read from the store once per plan). */
    private String installationId;

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
        /** The rows confirmed by the writes, for the pass to commit. */
        final RowWrites rows = new RowWrites();
        final Map<CalendarRef, ProviderException> failedTargets = new LinkedHashMap<>();

        int failedWrites() {
            return failedTargets.size();
        }
    }

    /**
     * Applies the plan; the rows the writes confirm are in the result, to be committed by the pass. If the pass
     * is cut short here (a lost lease, a store failure), the blocks written so far are recorded at once.
     */
    Result apply(List<BlockOp> plan, KnownBlocks rows, Lease lease) {
        if (!plan.isEmpty()) {
            installationId = store.installationId();
        }
        writeIntents(plan, rows);
        Result result = new Result();
        try {
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
        } catch (RuntimeException e) {
            keepWritten(result, e);
            throw e;
        }
        return result;
    }

    /**
     * A pass that cannot commit (its lease lost, the store failing) still records the blocks its writes made or
     * changed, and nothing else: with the lease gone, a successor may have written rows meanwhile. A row too many
     * costs one write later (the block is gone: a delete answers "gone"); a row too few could leave a block that
     * no pass knows of, an orphan once its group is retired. Removals and everything read are left to the next
     * pass, which replays from the old tokens.
     */
    void keepWritten(Result result, RuntimeException cause) {
        List<KnownBlock> written = result.rows.saved();
        if (written.isEmpty()) {
            return;
        }
        try {
            store.saveBlocks(written);
        } catch (RuntimeException storeFailure) {
            cause.addSuppressed(storeFailure);
        }
    }

    /**
     * Before an insert is sent, remember that the block may exist: if the process dies before the answer,
     * the next pass still knows to converge that id (insert it again, or delete it if no longer wanted).
     */
    private void writeIntents(List<BlockOp> plan, KnownBlocks rows) {
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

    private void applyOne(BlockOp op, KnownBlocks rows, Result result) {
        if (op instanceof BlockOp.Insert insert) {
            put(insert.block(), true, rows, result);
            result.inserted++;
        } else if (op instanceof BlockOp.Update update) {
            put(update.block(), false, rows, result);
            result.updated++;
        } else if (op instanceof BlockOp.Reset reset) {
            // The occurrence may be gone with a changed series: then there is nothing to put back.
            DesiredBlock plain = reset.block();
            provider.updateOccurrence(plain.target(), seriesHandle(plain, rows), plain.occurrence(), body(plain));
            result.rows.remove(plain.target(), plain.blockId());
            rows.remove(plain.target(), plain.blockId());
            result.updated++;
        } else if (op instanceof BlockOp.Delete delete) {
            KnownBlock block = delete.block();
            if (block.occurrence() != null) {
                provider.cancelOccurrence(block.target(), seriesHandle(block.target(), block.occurrence(), rows),
                        block.occurrence());
            } else {
                provider.delete(block.target(), block.handle());
            }
            forget(block, rows, result);
            result.deleted++;
        } else if (op instanceof BlockOp.Forget aged) {
            forget(aged.block(), rows, result);
            result.forgotten++;
        }
    }

    /** Write the block and record it; an occurrence the series does not have is left unrecorded. */
    private void put(DesiredBlock block, boolean insertFirst, KnownBlocks rows, Result result) {
        Optional<BlockHandle> written = block.isInstance() ? putOccurrence(block, rows) : putBlock(block, insertFirst, rows);
        if (written.isPresent()) {
            KnownBlock row = block.known(BlockState.SYNCED, written.get());
            result.rows.save(row);
            rows.put(row);
        } else {
            // Not written: no row, so the next pass tries again (after the series itself is put right).
            result.rows.remove(block.target(), block.blockId());
            rows.remove(block.target(), block.blockId());
        }
    }

    /** Insert or update, falling over to the other when the target's answer says the guess was wrong. */
    private Optional<BlockHandle> putBlock(DesiredBlock block, boolean insertFirst, KnownBlocks rows) {
        BlockHandle known = rows.get(block.target(), block.blockId()).map(KnownBlock::handle)
                .orElse(BlockHandle.of(block.blockId()));
        if (insertFirst) {
            InsertOutcome inserted = provider.insert(block.target(), block.blockId(), body(block));
            if (inserted instanceof InsertOutcome.Created created) {
                return Optional.of(created.block());
            }
            known = merge(known, ((InsertOutcome.AlreadyExists) inserted).block());
        }
        if (provider.update(block.target(), known, body(block)) instanceof UpdateOutcome.Updated updated) {
            return Optional.of(updated.block());
        }
        if (!insertFirst && provider.insert(block.target(), block.blockId(), body(block))
                instanceof InsertOutcome.Created created) {
            return Optional.of(created.block());
        }
        throw new ProviderException(ProviderException.Kind.REJECTED, 0, "conflict",
                "block " + block.blockId() + " both exists and does not exist on " + block.target());
    }

    /**
     * An occurrence of a block series is written through the series: overwritten, or cancelled. An update's
     * "not found" means the series has no such occurrence now (moved by hand, or its rule changed).
     */
    private Optional<BlockHandle> putOccurrence(DesiredBlock block, KnownBlocks rows) {
        BlockHandle series = seriesHandle(block, rows);
        if (block.body().cancelled()) {
            provider.cancelOccurrence(block.target(), series, block.occurrence());
            return Optional.of(BlockHandle.of(block.blockId()));
        }
        return provider.updateOccurrence(block.target(), series, block.occurrence(), body(block))
                instanceof UpdateOutcome.Updated updated ? Optional.of(updated.block()) : Optional.empty();
    }

    private BlockBody body(DesiredBlock block) {
        return block.body().stampedBy(installationId);
    }

    private static BlockHandle seriesHandle(DesiredBlock occurrence, KnownBlocks rows) {
        return seriesHandle(occurrence.target(), occurrence.occurrence(), rows);
    }

    private static BlockHandle seriesHandle(CalendarRef target, OccurrenceRef occurrence, KnownBlocks rows) {
        return rows.get(target, occurrence.seriesKey()).map(KnownBlock::handle)
                .orElse(BlockHandle.of(occurrence.seriesKey()));
    }

    /** What an insert's "exists" told about the block adds to what was known of it. */
    private static BlockHandle merge(BlockHandle known, BlockHandle told) {
        if (told == null || told.providerId() == null && told.etag() == null) {
            return known;
        }
        return new BlockHandle(known.key(), told.providerId() != null ? told.providerId() : known.providerId(),
                told.etag());
    }

    private static void forget(KnownBlock block, KnownBlocks rows, Result result) {
        result.rows.remove(block.target(), block.blockId());
        rows.remove(block.target(), block.blockId());
    }
}
