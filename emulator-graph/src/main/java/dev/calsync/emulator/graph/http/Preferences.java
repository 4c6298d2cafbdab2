package dev.calsync.emulator.graph.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code Prefer} header's {@code odata.maxpagesize} and {@code outlook.timezone}, the two Graph calendars honour. */
record Preferences(Integer maxPageSize, String timeZone) {

    static Preferences parse(String header) {
        Integer pageSize = null;
        String zone = null;
        if (header == null) return new Preferences(null, null);
        for (String part : split(header)) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            String name = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
            if (name.equals("odata.maxpagesize")) {
                try {
                    pageSize = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    pageSize = null;
                }
            } else if (name.equals("outlook.timezone")) {
                zone = value;
            }
        }
        return new Preferences(pageSize != null && pageSize > 0 ? pageSize : null, zone);
    }

    /** Splits on commas outside quotes ("W. Europe Standard Time" has none, but a client may quote anything). */
    private static List<String> split(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if ((c == ',' || c == ';') && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
