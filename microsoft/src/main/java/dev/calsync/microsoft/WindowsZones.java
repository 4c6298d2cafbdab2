package dev.calsync.microsoft;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Zone names as Graph writes them ({@code originalStartTimeZone}, {@code recurrenceTimeZone}): Windows names for
 * events made in Outlook, IANA names for events written with them, "UTC". The JDK knows no Windows names; this
 * table holds the ones Outlook users have most (CLDR's windowsZones, territory "001"). A zone not listed reads as
 * unknown: a single event keeps its instant (Graph answers in UTC), and a series whose zone is unknown cannot be
 * expanded here, so it is read occurrence by occurrence (see {@link SeriesReads}).
 */
final class WindowsZones {
    private static final Map<String, String> IANA_BY_WINDOWS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        String[][] pairs = {
            {"UTC", "UTC"}, {"Coordinated Universal Time", "UTC"}, {"GMT Standard Time", "Europe/London"},
            {"Greenwich Standard Time", "Atlantic/Reykjavik"}, {"W. Europe Standard Time", "Europe/Berlin"},
            {"Central Europe Standard Time", "Europe/Budapest"}, {"Central European Standard Time", "Europe/Warsaw"},
            {"Romance Standard Time", "Europe/Paris"}, {"E. Europe Standard Time", "Europe/Chisinau"},
            {"FLE Standard Time", "Europe/Kiev"}, {"GTB Standard Time", "Europe/Bucharest"},
            {"Turkey Standard Time", "Europe/Istanbul"}, {"Israel Standard Time", "Asia/Jerusalem"},
            {"South Africa Standard Time", "Africa/Johannesburg"}, {"Egypt Standard Time", "Africa/Cairo"},
            {"Russian Standard Time", "Europe/Moscow"}, {"Arabian Standard Time", "Asia/Dubai"},
            {"Arab Standard Time", "Asia/Riyadh"}, {"Pakistan Standard Time", "Asia/Karachi"},
            {"India Standard Time", "Asia/Kolkata"}, {"SE Asia Standard Time", "Asia/Bangkok"},
            {"China Standard Time", "Asia/Shanghai"}, {"Singapore Standard Time", "Asia/Singapore"},
            {"Taipei Standard Time", "Asia/Taipei"}, {"Tokyo Standard Time", "Asia/Tokyo"},
            {"Korea Standard Time", "Asia/Seoul"}, {"W. Australia Standard Time", "Australia/Perth"},
            {"AUS Eastern Standard Time", "Australia/Sydney"}, {"E. Australia Standard Time", "Australia/Brisbane"},
            {"New Zealand Standard Time", "Pacific/Auckland"}, {"Eastern Standard Time", "America/New_York"},
            {"Central Standard Time", "America/Chicago"}, {"Mountain Standard Time", "America/Denver"},
            {"US Mountain Standard Time", "America/Phoenix"}, {"Pacific Standard Time", "America/Los_Angeles"},
            {"Alaskan Standard Time", "America/Anchorage"}, {"Hawaiian Standard Time", "Pacific/Honolulu"},
            {"Atlantic Standard Time", "America/Halifax"}, {"Newfoundland Standard Time", "America/St_Johns"},
            {"Canada Central Standard Time", "America/Regina"}, {"Central Standard Time (Mexico)", "America/Mexico_City"},
            {"SA Pacific Standard Time", "America/Bogota"}, {"Pacific SA Standard Time", "America/Santiago"},
            {"E. South America Standard Time", "America/Sao_Paulo"}, {"Argentina Standard Time", "America/Buenos_Aires"},
        };
        for (String[] pair : pairs) {
            IANA_BY_WINDOWS.put(pair[0], pair[1]);
        }
    }

    private WindowsZones() {
    }

    /** The IANA id of a zone name Graph wrote, if it is one this adapter knows. */
    static Optional<String> ianaOf(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        String iana = IANA_BY_WINDOWS.get(trimmed);
        if (iana != null) {
            return Optional.of(iana);
        }
        if (!trimmed.contains("/")) {
            return Optional.empty(); // names of Outlook's own, such as "Customized Time Zone"
        }
        try {
            return Optional.of(ZoneId.of(trimmed).getId());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
