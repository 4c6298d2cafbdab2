package dev.calsync.emulator.http;

import dev.calsync.emulator.CallKind;

import java.util.List;

/** Which API method a request addresses, parsed from method + path below {@code calendar/v3/}. */
record Route(CallKind kind, String calendarRef, String eventId) {

    /** @return null when the path is not part of the API (answered 404 and not metered) */
    static Route parse(String method, List<String> s) {
        int n = s.size();
        if (n == 3 && s.get(0).equals("users") && s.get(1).equals("me") && s.get(2).equals("calendarList") && method.equals("GET")) {
            return new Route(CallKind.CALENDAR_LIST, null, null);
        }
        if (n == 2 && s.get(0).equals("channels") && s.get(1).equals("stop") && method.equals("POST")) {
            return new Route(CallKind.STOP, null, null);
        }
        if (n < 3 || !s.get(0).equals("calendars") || !s.get(2).equals("events")) return null;
        String cal = s.get(1);
        if (n == 3) {
            return switch (method) {
                case "GET" -> new Route(CallKind.LIST, cal, null);
                case "POST" -> new Route(CallKind.INSERT, cal, null);
                default -> null;
            };
        }
        if (n == 4 && s.get(3).equals("watch") && method.equals("POST")) return new Route(CallKind.WATCH, cal, null);
        if (n == 4) {
            return switch (method) {
                case "GET" -> new Route(CallKind.GET, cal, s.get(3));
                case "PUT" -> new Route(CallKind.UPDATE, cal, s.get(3));
                case "PATCH" -> new Route(CallKind.PATCH, cal, s.get(3));
                case "DELETE" -> new Route(CallKind.DELETE, cal, s.get(3));
                default -> null;
            };
        }
        if (n == 5 && s.get(4).equals("instances") && method.equals("GET")) return new Route(CallKind.INSTANCES, cal, s.get(3));
        return null;
    }
}
