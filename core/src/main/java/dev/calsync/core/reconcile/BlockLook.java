package dev.calsync.core.reconcile;

import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.rules.GroupRules;
import dev.calsync.core.rules.TitleTemplate;
import java.util.HashMap;
import java.util.Map;

/**
 * What a group's blocks show: the title from the group's template ({@code {calendar}}, opt-in {@code {title}})
 * and the colour, which travels in the marker so that an echo is compared by it too. Nothing else of the source
 * (no description, location, attendees or reminders) ever reaches a block: the body has no place for it.
 */
public final class BlockLook {
    private final TitleTemplate title;
    private final GroupRules rules;

    public BlockLook(SyncGroup group) {
        this.title = new TitleTemplate(group.busyTitle());
        this.rules = group.rules();
    }

    /** The block title for {@code event} of {@code source}. */
    public String title(CalendarRef source, SourceEvent event) {
        return title.render(rules.nameOf(source), event.summary());
    }

    /** The marker's properties, with the colour when the group sets one. */
    public Map<String, String> marker(BlockMarker marker) {
        if (rules.color() == null) {
            return marker.properties();
        }
        Map<String, String> properties = new HashMap<>(marker.properties());
        properties.put(BlockMarker.COLOR, Integer.toString(rules.color().index()));
        return properties;
    }
}
