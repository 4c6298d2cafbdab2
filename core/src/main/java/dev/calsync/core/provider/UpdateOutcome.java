package dev.calsync.core.provider;

import dev.calsync.core.block.BlockHandle;

/** What overwriting a block (or one occurrence of a block series) found. */
public sealed interface UpdateOutcome {

    /** Written; the handle carries the provider's id and new version. */
    record Updated(BlockHandle block) implements UpdateOutcome {
    }

    /** Nothing there to overwrite: the block was never created (insert it), or the series has no such occurrence. */
    record NotFound() implements UpdateOutcome {
    }

    UpdateOutcome NOT_FOUND = new NotFound();
}
