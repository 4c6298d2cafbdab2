package dev.calsync.recurrence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One of Google's {@code recurrence} lines split into its iCalendar property envelope:
 * {@code NAME;PARAM=value;PARAM=value:VALUE}. Only the envelope is split here; the value (a rule or a
 * comma list of dates) is handed to lib-recur untouched, so no RFC 5545 grammar is duplicated.
 *
 * @param name       property name, upper case ("RRULE", "EXDATE", …)
 * @param parameters parameter names upper case, values without surrounding quotes
 * @param value      everything after the first colon outside quotes
 * @param text       the line as given, for error messages
 */
record RecurrenceLine(String name, Map<String, String> parameters, String value, String text) {

    RecurrenceLine {
        parameters = Map.copyOf(parameters);
    }

    /** The parameter's value, or null when the line does not carry it. */
    String parameter(String parameterName) {
        return parameters.get(parameterName);
    }

    /**
     * Splits one line. Throws {@link IllegalArgumentException} when the line has no name, no colon, or a
     * parameter without '=' — the caller turns that into an UnsupportedRecurrenceException naming the line.
     */
    static RecurrenceLine parse(String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("empty recurrence line");
        }
        String text = line.strip();
        int colon = indexOutsideQuotes(text, ':', 0);
        if (colon < 0) {
            throw new IllegalArgumentException("no ':' between property name and value");
        }
        String head = text.substring(0, colon);
        String value = text.substring(colon + 1);
        String[] parts = splitOutsideQuotes(head);
        String name = parts[0].strip().toUpperCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no property name");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("parameter without '=': " + parts[i]);
            }
            String key = parts[i].substring(0, eq).strip().toUpperCase(Locale.ROOT);
            parameters.put(key, unquote(parts[i].substring(eq + 1).strip()));
        }
        return new RecurrenceLine(name, parameters, value.strip(), line);
    }

    // A TZID may legally be quoted and then may contain ';' or ':', so separators inside quotes don't count.
    private static int indexOutsideQuotes(String s, char wanted, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String[] splitOutsideQuotes(String head) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int semicolon;
        while ((semicolon = indexOutsideQuotes(head, ';', start)) >= 0) {
            parts.add(head.substring(start, semicolon));
            start = semicolon + 1;
        }
        parts.add(head.substring(start));
        return parts.toArray(String[]::new);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
