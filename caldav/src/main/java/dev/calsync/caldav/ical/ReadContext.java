package dev.calsync.caldav.ical;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What reading a calendar's resources needs beyond their text.
 *
 * @param ownAddresses the account's calendar-user addresses, normalised (see {@link #normalise}): its own
 *                     ATTENDEE is the one whose PARTSTAT says whether an invitation makes it busy
 * @param floatingZone IANA zone for floating times (the collection's calendar-timezone, else UTC)
 */
public record ReadContext(Set<String> ownAddresses, String floatingZone) {

    public ReadContext {
        ownAddresses = Set.copyOf(ownAddresses);
        floatingZone = floatingZone == null ? IcalTimes.UTC : floatingZone;
    }

    public static ReadContext of(Collection<URI> addresses, String username, String floatingZone) {
        Set<String> own = addresses.stream().map(URI::toString).map(ReadContext::normalise).collect(Collectors.toSet());
        if (username != null && username.contains("@")) {
            // Servers that do not publish calendar-user-address-set still invite the login's e-mail address.
            own = new java.util.HashSet<>(own);
            own.add(normalise("mailto:" + username));
        }
        return new ReadContext(own, floatingZone);
    }

    public boolean isOwn(URI calAddress) {
        return calAddress != null && ownAddresses.contains(normalise(calAddress.toString()));
    }

    static String normalise(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
