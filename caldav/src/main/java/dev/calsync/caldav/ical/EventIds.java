package dev.calsync.caldav.ical;

import dev.calsync.core.block.BlockIds;
import dev.calsync.core.event.EventTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How CalDAV resources and their VEVENTs are named as events. A resource {@code <name>.ics} is the event
 * {@code <name>} (so the block {@code <blockKey>} lives in {@code <blockKey>.ics}); a VEVENT with RECURRENCE-ID is
 * the occurrence {@code <name>_<original start>}, in the form core uses for occurrence ids.
 */
public final class EventIds {
    private static final String SUFFIX = ".ics";
    private static final DateTimeFormatter UTC_FORM = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_FORM = DateTimeFormatter.BASIC_ISO_DATE;

    private EventIds() {
    }

    /** A series' or single event's id, or the occurrence {@code originalStart} of a series. */
    public record Address(String seriesId, EventTime originalStart) {
        public boolean isOccurrence() {
            return originalStart != null;
        }
    }

    public static String ofResource(String resourceName) {
        return resourceName.endsWith(SUFFIX) && resourceName.length() > SUFFIX.length()
                ? resourceName.substring(0, resourceName.length() - SUFFIX.length()) : resourceName;
    }

    public static String resourceName(String seriesId) {
        return seriesId + SUFFIX;
    }

    public static String occurrence(String seriesId, EventTime originalStart) {
        return BlockIds.instanceOf(seriesId, originalStart);
    }

    /**
     * Splits an event id into its resource and, for an occurrence, the original start. Only ids whose suffix
     * reads as an occurrence time are occurrences, so a plain name containing '_' stays a plain name.
     */
    public static Address parse(String eventId) {
        int underscore = eventId.lastIndexOf('_');
        if (underscore > 0) {
            String suffix = eventId.substring(underscore + 1);
            Optional<EventTime> start = suffixTime(suffix);
            if (start.isPresent()) {
                return new Address(eventId.substring(0, underscore), start.get());
            }
        }
        return new Address(eventId, null);
    }

    private static Optional<EventTime> suffixTime(String suffix) {
        try {
            if (suffix.length() == 16) {
                return Optional.of(EventTime.at(Instant.from(UTC_FORM.parse(suffix)), null));
            }
            if (suffix.length() == 8) {
                return Optional.of(EventTime.on(LocalDate.parse(suffix, DATE_FORM)));
            }
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
