package dev.calsync.core.sync;

import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.store.SyncStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Blocks the store still records where no configured group wants them: on a calendar taken out of a group, or of a
 * group taken out of the configuration. Counted from the store alone, per group and calendar.
 *
 * @param groupRetired true when the group itself is no longer configured
 */
public record LeftOverBlocks(String groupId, String calendar, int blocks, boolean groupRetired) {

    /**
     * The rows of retired groups that concern a configuration with these accounts: every row of a retired group
     * with at least one block on one of them (null: every retired group, as a server that holds them all).
     */
    public static List<KnownBlock> retiredRows(SyncStore store, Set<String> accounts) {
        List<KnownBlock> rows = store.retiredBlocks();
        if (accounts == null) {
            return rows;
        }
        Set<String> concerned = new HashSet<>();
        rows.stream().filter(row -> accounts.contains(row.target().accountId()))
                .forEach(row -> concerned.add(row.groupId()));
        return rows.stream().filter(row -> concerned.contains(row.groupId())).toList();
    }

    public static List<LeftOverBlocks> in(SyncStore store, List<SyncGroup> configured) {
        Map<String, LeftOverBlocks> counts = new LinkedHashMap<>();
        for (SyncGroup group : configured) {
            store.blocks(group.id()).stream().filter(row -> !group.calendars().contains(row.target()))
                    .forEach(row -> count(counts, row, false));
        }
        Set<String> accounts = new HashSet<>();
        configured.forEach(group -> group.calendars().forEach(c -> accounts.add(c.accountId())));
        retiredRows(store, accounts).forEach(row -> count(counts, row, true));
        return new ArrayList<>(counts.values());
    }

    private static void count(Map<String, LeftOverBlocks> counts, KnownBlock row, boolean retired) {
        if (row.occurrence() != null) {
            return; // goes with its series
        }
        counts.merge(row.groupId() + "\n" + row.target().key(), new LeftOverBlocks(row.groupId(), row.target().key(), 1,
                retired), (a, b) -> new LeftOverBlocks(a.groupId, a.calendar, a.blocks + b.blocks, retired));
    }

    /** One line for a person: where the blocks are and why they are left. */
    public String describe() {
        return blocks + " block" + (blocks == 1 ? "" : "s") + " of group " + groupId + " on " + calendar + " ("
                + (groupRetired ? "group removed from the configuration" : "calendar removed from the group") + ")";
    }
}
