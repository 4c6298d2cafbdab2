package dev.calsync.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Text forms for values that have no column type of their own on both databases. Each must give back
 * exactly what it was given, so lists and maps use a small escape scheme rather than a separator that
 * could also occur in the data:
 * <ul>
 *   <li>{@code \} becomes {@code \\}, a line feed {@code \n}, a NUL character {@code \0} (PostgreSQL text
 *       cannot hold NUL), and in property keys {@code =} becomes {@code \=};</li>
 *   <li>list items and properties are joined by line feeds, which therefore never occur inside an item;</li>
 *   <li>an empty list or map is NULL, so a list holding one empty string ({@code ""}) stays distinct.</li>
 * </ul>
 * Recurrence lines (RRULE:FREQ=WEEKLY…) contain no characters that need escaping, so they stay readable.
 */
final class TextColumns {

    private TextColumns() {
    }

    // --- instants: ISO-8601 as Instant prints it, exact to the nanosecond --------------------------------

    static String instant(Instant value) {
        return value == null ? null : value.toString();
    }

    static Instant instant(String text) {
        return text == null ? null : InstantText.parse(text);
    }

    // --- free text (summary) -------------------------------------------------------------------------------

    static String text(String value) {
        return value == null ? null : escape(value, false);
    }

    static String untext(String stored) {
        return stored == null ? null : unescape(stored, 0, stored.length());
    }

    // --- lists of lines (recurrence) ---------------------------------------------------------------------

    static String lines(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(escape(lines.get(i), false));
        }
        return out.toString();
    }

    static List<String> unlines(String stored) {
        if (stored == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String raw : stored.split("\n", -1)) {
            lines.add(unescape(raw, 0, raw.length()));
        }
        return lines;
    }

    // --- key=value maps (private extended properties) ------------------------------------------------------

    /** Sorted by key, so equal maps give equal text. */
    static String properties(Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> entry : new TreeMap<>(properties).entrySet()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(escape(entry.getKey(), true)).append('=').append(escape(entry.getValue(), false));
        }
        return out.toString();
    }

    static Map<String, String> unproperties(String stored) {
        if (stored == null) {
            return Map.of();
        }
        Map<String, String> properties = new TreeMap<>();
        for (String line : stored.split("\n", -1)) {
            int separator = firstUnescapedEquals(line);
            properties.put(unescape(line, 0, separator), unescape(line, separator + 1, line.length()));
        }
        return properties;
    }

    private static int firstUnescapedEquals(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=') {
                return i;
            }
        }
        throw new IllegalStateException("stored property without '=': " + line);
    }

    // --- escaping ------------------------------------------------------------------------------------------

    private static String escape(String value, boolean escapeEquals) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\0' -> out.append("\\0");
                case '=' -> out.append(escapeEquals ? "\\=" : "=");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= to) {
                throw new IllegalStateException("stored text ends in a lone backslash: " + text);
            }
            char escaped = text.charAt(i);
            out.append(switch (escaped) {
                case 'n' -> '\n';
                case '0' -> '\0';
                default -> escaped;
            });
        }
        return out.toString();
    }
}
