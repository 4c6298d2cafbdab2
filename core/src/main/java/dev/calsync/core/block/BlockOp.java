package dev.calsync.core.block;

import dev.calsync.core.calendar.CalendarRef;

/** One step of a plan. */
public sealed interface BlockOp {

    String blockId();

    CalendarRef target();

    /** Create the block (if the provider says it exists already: update it instead). */
    record Insert(DesiredBlock block) implements BlockOp {
        public String blockId() {
            return block.blockId();
        }

        public CalendarRef target() {
            return block.target();
        }
    }

    /** Overwrite the block with the desired content (also revives one deleted by hand). */
    record Update(DesiredBlock block) implements BlockOp {
        public String blockId() {
            return block.blockId();
        }

        public CalendarRef target() {
            return block.target();
        }
    }

    /**
     * Put an occurrence of a block series back to what the series says, then stop tracking it: its source
     * exception was reverted or removed while the series stays.
     */
    record Reset(DesiredBlock block) implements BlockOp {
        public String blockId() {
            return block.blockId();
        }

        public CalendarRef target() {
            return block.target();
        }
    }

    /** Remove the block from its target (if it is gone already: done). */
    record Delete(KnownBlock block) implements BlockOp {
        public String blockId() {
            return block.blockId();
        }

        public CalendarRef target() {
            return block.target();
        }
    }

    /** Stop tracking a block whose source has aged out of the window; the target is left as it is. */
    record Forget(KnownBlock block) implements BlockOp {
        public String blockId() {
            return block.blockId();
        }

        public CalendarRef target() {
            return block.target();
        }
    }
}
