package dev.calsync.caldav;

import dev.calsync.caldav.read.CalendarResource;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last version seen of each block resource (ETag and text), from reads and from our own writes, so an update
 * is one conditional PUT instead of a GET and a PUT. A stale entry costs nothing but a 412 and a re-read.
 * Bounded, least recently used out first; thread-safe.
 */
final class ResourceCache {
    private final Map<URI, CalendarResource> entries;

    ResourceCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<URI, CalendarResource> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<CalendarResource> get(URI href) {
        return Optional.ofNullable(entries.get(href));
    }

    synchronized void put(CalendarResource resource) {
        if (resource.etag() != null) {
            entries.put(resource.href(), resource);
        } else {
            entries.remove(resource.href());
        }
    }

    synchronized void forget(URI href) {
        entries.remove(href);
    }
}
