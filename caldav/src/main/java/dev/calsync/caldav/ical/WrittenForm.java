package dev.calsync.caldav.ical;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.calsync.core.event.EventTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * What a block said when calsync wrote it, in the block itself: the zone names of its start and end and its
 * recurrence lines, verbatim. iCalendar cannot say "no zone" apart from "UTC", and ical4j (and servers) re-order
 * RRULE parts, so without these a block read back would differ from the body it was written from and look
 * edited by hand on every pass. Read back, they are only believed while the real properties still mean the same
 * (see {@link ResourceEvents}): a block a person changed reads as changed.
 *
 * <p>Recurrence lines are kept in base64url: they are full of ';' and ',', which TEXT values escape, and servers
 * re-fold long lines between a backslash and the character it escapes, which ical4j then no longer unescapes.
 */
final class WrittenForm {
    static final String PREFIX = MarkerProperties.PREFIX + "AS-WRITTEN-";
    /** Marker keys must not start with this, or they would read back as written-form properties. */
    static final String KEY_PREFIX = "as-written-";
    static final String START_ZONE = PREFIX + "START-TZ";
    static final String END_ZONE = PREFIX + "END-TZ";
    static final String RECURRENCE = PREFIX + "RECURRENCE";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private WrittenForm() {
    }

    static List<Property> of(EventTime start, EventTime end, List<String> recurrence) {
        List<Property> properties = new ArrayList<>();
        zone(start).ifPresent(zone -> properties.add(new XProperty(START_ZONE, zone)));
        zone(end).ifPresent(zone -> properties.add(new XProperty(END_ZONE, zone)));
        recurrence.forEach(line -> properties.add(new XProperty(RECURRENCE, ENCODER.encodeToString(line.getBytes(UTF_8)))));
        return properties;
    }

    static String startZone(VEvent event) {
        return text(event, START_ZONE);
    }

    static String endZone(VEvent event) {
        return text(event, END_ZONE);
    }

    /** The lines as written; none when one cannot be decoded (then the block reads as it is, and as edited). */
    static List<String> recurrence(VEvent event) {
        try {
            return event.getProperties(RECURRENCE).stream()
                    .map(p -> new String(Base64.getUrlDecoder().decode(p.getValue().strip()), UTF_8)).toList();
        } catch (IllegalArgumentException notBase64) {
            return List.of();
        }
    }

    /** A timed value with the zone name as written (none when none was written); a date stays a date. */
    static EventTime asWritten(EventTime read, String writtenZone) {
        return read instanceof EventTime.Timed timed ? EventTime.at(timed.instant(), writtenZone) : read;
    }

    private static Optional<String> zone(EventTime time) {
        return time instanceof EventTime.Timed timed ? Optional.ofNullable(timed.timeZone()) : Optional.empty();
    }

    private static String text(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).filter(v -> !v.isBlank()).orElse(null);
    }
}
