package dev.calsync.core.sync;

import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.store.SyncStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Whose a block found on a calendar is. A block is ours when it carries the marker and this installation's id (or
 * none: an older version wrote it). One of ours belongs to the group its tag names when that group is configured
 * and has the calendar; any other block of ours on a configured group's calendar (no tag, an unknown tag, the tag
 * of a group that no longer has this calendar) is an orphan, which the group listing the calendar removes.
 *
 * @param installationId this installation's id
 * @param groupsOn       the configured groups by member calendar
 */
public record BlockOwnership(String installationId, Map<CalendarRef, Set<String>> groupsOn) {

    public enum Owner {
        /** No marker: a person's own event. */
        NONE,
        /** A block of the group looking at the calendar. */
        THIS_GROUP,
        /** A block of another configured group that has this calendar too: that group's business. */
        OTHER_GROUP,
        /** A block of ours that no configured group wants here. */
        ORPHAN,
        /** Another installation's block: never touched. */
        FOREIGN
    }

    public BlockOwnership {
        Map<CalendarRef, Set<String>> copy = new HashMap<>();
        groupsOn.forEach((calendar, groups) -> copy.put(calendar, Set.copyOf(groups)));
        groupsOn = Map.copyOf(copy);
    }

    /**
     * The store's groups (the configured ones) sharing a calendar with {@code group}, and {@code group} itself, with
     * the store's installation id: enough for {@link #ownerOf} on {@code group}'s calendars.
     */
    public static BlockOwnership of(SyncStore store, SyncGroup group) {
        Map<CalendarRef, Set<String>> on = new HashMap<>();
        for (SyncGroup configured : store.groupsSharing(group.calendars())) {
            if (!configured.id().equals(group.id())) {
                configured.calendars().forEach(c -> on.computeIfAbsent(c, k -> new HashSet<>()).add(configured.id()));
            }
        }
        group.calendars().forEach(c -> on.computeIfAbsent(c, k -> new HashSet<>()).add(group.id()));
        return new BlockOwnership(store.installationId(), on);
    }

    public Owner ownerOf(SyncGroup group, CalendarRef calendar, Map<String, String> privateProperties) {
        if (!BlockMarker.isBlock(privateProperties)) {
            return Owner.NONE;
        }
        String installation = BlockMarker.installationOf(privateProperties);
        if (installation != null && !installation.equals(installationId)) {
            return Owner.FOREIGN;
        }
        String tag = BlockMarker.groupOf(privateProperties);
        if (group.id().equals(tag)) {
            return BlockMarker.read(privateProperties).isPresent() ? Owner.THIS_GROUP : Owner.ORPHAN;
        }
        return tag != null && groupsOn.getOrDefault(calendar, Set.of()).contains(tag) ? Owner.OTHER_GROUP : Owner.ORPHAN;
    }
}
