package dev.calsync.emulator.graph.store;

import dev.calsync.emulator.graph.GraphError;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Time zone names as Graph takes them in {@code dateTimeTimeZone.timeZone} and {@code Prefer: outlook.timezone}:
 * "UTC", IANA names, and the Windows names Outlook uses most (a short table; the JDK knows no Windows names).
 */
public final class TimeZones {
    private static final Map<String, String> WINDOWS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        WINDOWS.put("UTC", "UTC");
        WINDOWS.put("Coordinated Universal Time", "UTC");
        WINDOWS.put("GMT Standard Time", "Europe/London");
        WINDOWS.put("Greenwich Standard Time", "Atlantic/Reykjavik");
        WINDOWS.put("W. Europe Standard Time", "Europe/Berlin");
        WINDOWS.put("Central Europe Standard Time", "Europe/Budapest");
        WINDOWS.put("Central European Standard Time", "Europe/Warsaw");
        WINDOWS.put("Romance Standard Time", "Europe/Paris");
        WINDOWS.put("E. Europe Standard Time", "Europe/Chisinau");
        WINDOWS.put("FLE Standard Time", "Europe/Kiev");
        WINDOWS.put("GTB Standard Time", "Europe/Bucharest");
        WINDOWS.put("Russian Standard Time", "Europe/Moscow");
        WINDOWS.put("Eastern Standard Time", "America/New_York");
        WINDOWS.put("Central Standard Time", "America/Chicago");
        WINDOWS.put("Mountain Standard Time", "America/Denver");
        WINDOWS.put("US Mountain Standard Time", "America/Phoenix");
        WINDOWS.put("Pacific Standard Time", "America/Los_Angeles");
        WINDOWS.put("Alaskan Standard Time", "America/Anchorage");
        WINDOWS.put("Hawaiian Standard Time", "Pacific/Honolulu");
        WINDOWS.put("E. South America Standard Time", "America/Sao_Paulo");
        WINDOWS.put("India Standard Time", "Asia/Kolkata");
        WINDOWS.put("China Standard Time", "Asia/Shanghai");
        WINDOWS.put("Tokyo Standard Time", "Asia/Tokyo");
        WINDOWS.put("Singapore Standard Time", "Asia/Singapore");
        WINDOWS.put("AUS Eastern Standard Time", "Australia/Sydney");
        WINDOWS.put("New Zealand Standard Time", "Pacific/Auckland");
    }

    private TimeZones() {}

    /** @throws GraphError 400 TimeZoneNotSupportedException for a name Graph would not take */
    public static ZoneId resolve(String name) {
        if (name == null || name.isBlank()) throw GraphError.invalidTimeZone(name);
        String iana = WINDOWS.get(name.trim());
        try {
            if (iana != null) return ZoneId.of(iana);
            String n = name.trim();
            // Region ids only: Graph takes no raw offsets such as "+02:00".
            if (n.contains("/") || n.toUpperCase(Locale.ROOT).equals("GMT")) return ZoneId.of(n);
        } catch (DateTimeException e) {
            throw GraphError.invalidTimeZone(name);
        }
        throw GraphError.invalidTimeZone(name);
    }
}
