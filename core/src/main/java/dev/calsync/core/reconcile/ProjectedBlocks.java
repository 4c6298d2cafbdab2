package dev.calsync.core.reconcile;

import dev.calsync.core.block.DesiredBlock;
import java.util.List;
import java.util.Set;

/**
 * The projection of a group's sources.
 *
 * @param desired          every block that should exist now
 * @param agedOut          busy sources that ended before the window: their blocks are forgotten, not deleted
 * @param skippedRecurring busy recurring series and occurrences that are not mirrored (see README)
 */
public record ProjectedBlocks(List<DesiredBlock> desired, Set<SourceKey> agedOut, int skippedRecurring) {
    public ProjectedBlocks {
        desired = List.copyOf(desired);
        agedOut = Set.copyOf(agedOut);
    }
}
