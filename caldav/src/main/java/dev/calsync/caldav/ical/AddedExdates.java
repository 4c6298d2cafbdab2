package dev.calsync.caldav.ical;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Property;

/**
 * calsync cancels one occurrence of a block series with an EXDATE of its own (what every client understands),
 * while core knows it as a cancelled occurrence. These are the EXDATEs a block has beyond the lines it was written
 * with, as occurrence keys ({@link IcalTimes#key}).
 */
final class AddedExdates {
    private AddedExdates() {
    }

    /**
     * @return the added EXDATEs, or empty when the lines were changed in another way than by added EXDATEs (then
     *         the block reads as it is, and as edited)
     */
    static Optional<Set<String>> of(List<String> written, List<String> actual, String floatingZone) {
        if (written.isEmpty() && actual.isEmpty()) {
            return Optional.of(Set.of());
        }
        try {
            List<Property> writtenProperties = RecurrenceProperties.parse(written);
            List<Property> actualProperties = RecurrenceProperties.parse(actual);
            Set<String> writtenExdates = RecurrenceProperties.exdates(writtenProperties, floatingZone);
            Set<String> actualExdates = new LinkedHashSet<>(RecurrenceProperties.exdates(actualProperties, floatingZone));
            if (!rules(writtenProperties, floatingZone).equals(rules(actualProperties, floatingZone))
                    || !actualExdates.containsAll(writtenExdates)) {
                return Optional.empty();
            }
            actualExdates.removeAll(writtenExdates);
            return Optional.of(actualExdates);
        } catch (RuntimeException unreadable) {
            // IllegalArgumentException for a line, DateTimeException for a date ical4j reads only now
            return Optional.empty();
        }
    }

    private static Set<String> rules(List<Property> properties, String floatingZone) {
        return RecurrenceProperties.meaning(properties.stream()
                .filter(p -> !p.getName().equalsIgnoreCase(Property.EXDATE)).toList(), floatingZone);
    }
}
