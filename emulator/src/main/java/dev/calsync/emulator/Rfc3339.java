package dev.calsync.emulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Google's timestamp formats: `updated`/`created` in UTC with millis, event times with offset, no millis. */
public final class Rfc3339 {
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    public static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private Rfc3339() {}

    public static String utcMillis(long epochMillis) { return UTC_MILLIS.format(Instant.ofEpochMilli(epochMillis)); }

    /** Parses a query parameter such as timeMin; Google rejects values without an offset with 400. */
    public static long parseParameter(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw EmulatorApiException.badRequest("badRequest", "Bad Request: invalid " + name);
        }
    }
}
