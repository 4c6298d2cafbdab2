package dev.calsync.caldav.ical;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * A block's marker as {@code X-CALSYNC-<KEY>} properties of its VEVENTs (iCalendar's place for private data a
 * client must keep), one per marker entry, so new marker keys need no change here. {@code X-CALSYNC-AS-WRITTEN-…}
 * properties belong to {@link WrittenForm}, not to the marker.
 */
final class MarkerProperties {
    static final String PREFIX = "X-CALSYNC-";
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private MarkerProperties() {
    }

    static List<Property> of(Map<String, String> marker) {
        return marker.entrySet().stream().sorted(Map.Entry.comparingByKey()).<Property>map(entry -> {
            if (!KEY.matcher(entry.getKey()).matches() || entry.getKey().startsWith(WrittenForm.KEY_PREFIX)) {
                throw new IllegalArgumentException("marker key cannot be an iCalendar property name: " + entry.getKey());
            }
            return new XProperty(PREFIX + entry.getKey().toUpperCase(Locale.ROOT), entry.getValue());
        }).toList();
    }

    static Map<String, String> read(VEvent event) {
        Map<String, String> marker = new HashMap<>();
        for (Property property : event.getProperties()) {
            String name = property.getName().toUpperCase(Locale.ROOT);
            if (name.startsWith(PREFIX) && !name.startsWith(WrittenForm.PREFIX) && property.getValue() != null) {
                marker.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT), property.getValue());
            }
        }
        return marker;
    }
}
