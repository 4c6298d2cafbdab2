package dev.calsync.emulator.graph.store;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How a reader asked to see events: the zone of {@code Prefer: outlook.timezone} (UTC without it), the extended
 * properties named in {@code $expand} (null: none), the fields of {@code $select} (null: all), and whether the item
 * is part of a delta answer (which marks each with its {@code @odata.type}).
 */
public record EventView(ZoneId zone, String zoneName, List<String> expandedProperties, List<String> select, boolean delta) {
    public static final EventView UTC = new EventView(ZoneOffset.UTC, "UTC", null, null, false);

    public EventView forDelta() { return new EventView(zone, zoneName, null, null, true); }
}
