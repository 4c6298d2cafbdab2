package dev.calsync.core.sync;

import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.event.SourceEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a read changes the cached sources of a calendar. Blocks are never cached: they are never sources. */
final class SourceCache {
    private SourceCache() {
    }

    /** The cached events with a read laid over them: a full read replaces, an incremental one updates by id. */
    static List<SourceEvent> overlay(List<SourceEvent> cached, ChangeReader.Read read) {
        if (read == null) {
            return cached;
        }
        Map<String, SourceEvent> byId = new LinkedHashMap<>();
        if (!read.full()) {
            cached.forEach(event -> byId.put(event.id(), event));
        }
        sourcesOnly(read.changes().events()).forEach(event -> byId.put(event.id(), event));
        return List.copyOf(byId.values());
    }

    static List<SourceEvent> sourcesOnly(List<SourceEvent> events) {
        return events.stream().filter(event -> !BlockMarker.isBlock(event.privateProperties())).toList();
    }
}
