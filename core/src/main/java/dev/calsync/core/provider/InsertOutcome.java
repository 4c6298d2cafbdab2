package dev.calsync.core.provider;

import dev.calsync.core.block.BlockHandle;

/** What creating a block found. */
public sealed interface InsertOutcome {

    /** Created now; the handle says how the provider will know it from now on. */
    record Created(BlockHandle block) implements InsertOutcome {
    }

    /**
     * A block with that key exists, or existed and was deleted, or our own earlier attempt landed and only its
     * answer was lost: the engine overwrites it. The handle carries what the provider told of it, if anything.
     */
    record AlreadyExists(BlockHandle block) implements InsertOutcome {
    }
}
