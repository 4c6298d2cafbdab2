package dev.calsync.emulator.graph.http;

import dev.calsync.emulator.graph.CallKind;
import dev.calsync.emulator.graph.GraphError;

import java.util.List;
import java.util.Set;

/**
 * Which operation a request addresses, parsed from method and path below {@code v1.0/}. Segment names are matched
 * without regard to case, as Graph does; ids are case-sensitive.
 *
 * @param user          the {@code users/{id}} segment, or null for {@code me}
 * @param calendarId    the calendar named in the path; null with {@code defaultCalendar} false: any calendar of the
 *                      mailbox (an event addressed by id alone)
 * @param defaultCalendar {@code me/calendar/...} and {@code me/events}, {@code me/calendarView}: the default calendar
 * @param eventId       the event addressed, or for {@code me/outlook/masterCategories/{id}} the category ({@link #categoryId()})
 */
record Route(CallKind kind, String user, String calendarId, boolean defaultCalendar, String eventId, String subscriptionId) {
    private static final Set<String> DELTA = Set.of("delta", "delta()", "microsoft.graph.delta", "microsoft.graph.delta()");

    /** @throws GraphError 400 for an unknown segment, 405 for a method the path does not take */
    static Route parse(String method, List<String> s) {
        if (s.isEmpty()) throw GraphError.badRequest("BadRequest", "Invalid request.");
        if (is(s.get(0), "subscriptions")) return subscriptions(method, s);
        int i;
        String user = null;
        if (is(s.get(0), "me")) i = 1;
        else if (is(s.get(0), "users") && s.size() > 1) {
            user = s.get(1);
            i = 2;
        } else throw GraphError.segmentNotFound(s.get(0));
        if (i >= s.size()) throw GraphError.segmentNotFound(s.get(i - 1));
        String head = s.get(i);
        if (is(head, "outlook")) return masterCategories(method, s, i + 1, user);
        if (is(head, "calendars")) {
            if (s.size() == i + 1) return only(method, "GET", new Route(CallKind.LIST_CALENDARS, user, null, false, null, null));
            String calendarId = s.get(i + 1);
            if (s.size() == i + 2) return only(method, "GET", new Route(CallKind.GET_CALENDAR, user, calendarId, false, null, null));
            return calendarTail(method, s, i + 2, user, calendarId, false);
        }
        if (is(head, "calendar")) {
            if (s.size() == i + 1) return only(method, "GET", new Route(CallKind.GET_CALENDAR, user, null, true, null, null));
            return calendarTail(method, s, i + 1, user, null, true);
        }
        return calendarTail(method, s, i, user, null, true);
    }

    private static Route calendarTail(String method, List<String> s, int i, String user, String calendarId, boolean defaultCalendar) {
        int n = s.size() - i;
        if (n <= 0) throw GraphError.segmentNotFound(s.get(s.size() - 1));
        String head = s.get(i);
        if (is(head, "events")) {
            if (n == 1) {
                return switch (method) {
                    case "GET" -> new Route(CallKind.LIST_EVENTS, user, calendarId, defaultCalendar, null, null);
                    case "POST" -> new Route(CallKind.CREATE_EVENT, user, calendarId, defaultCalendar, null, null);
                    default -> throw notAllowed();
                };
            }
            String eventId = s.get(i + 1);
            // An event addressed by id under me/events may live in any calendar of the mailbox.
            boolean anyCalendar = calendarId == null && i > 0 && !is(s.get(i - 1), "calendar");
            String cal = anyCalendar ? null : calendarId;
            boolean def = !anyCalendar && defaultCalendar;
            if (n == 2) {
                return switch (method) {
                    case "GET" -> new Route(CallKind.GET_EVENT, user, cal, def, eventId, null);
                    case "PATCH" -> new Route(CallKind.UPDATE_EVENT, user, cal, def, eventId, null);
                    case "DELETE" -> new Route(CallKind.DELETE_EVENT, user, cal, def, eventId, null);
                    default -> throw notAllowed();
                };
            }
            if (n == 3 && is(s.get(i + 2), "instances")) return only(method, "GET", new Route(CallKind.INSTANCES, user, cal, def, eventId, null));
            throw GraphError.segmentNotFound(s.get(i + 2));
        }
        if (is(head, "calendarView")) {
            if (n == 1) return only(method, "GET", new Route(CallKind.CALENDAR_VIEW, user, calendarId, defaultCalendar, null, null));
            if (n == 2 && DELTA.contains(s.get(i + 1).toLowerCase(java.util.Locale.ROOT))) {
                return only(method, "GET", new Route(CallKind.DELTA, user, calendarId, defaultCalendar, null, null));
            }
            throw GraphError.segmentNotFound(s.get(i + 1));
        }
        throw GraphError.segmentNotFound(head);
    }

    /** The category an {@code outlook/masterCategories/{id}} route names. */
    String categoryId() { return eventId; }

    /** {@code outlook/masterCategories} (GET, POST) and {@code outlook/masterCategories/{id}} (GET, DELETE). */
    private static Route masterCategories(String method, List<String> s, int i, String user) {
        if (i >= s.size()) throw GraphError.segmentNotFound(s.get(i - 1));
        if (!is(s.get(i), "masterCategories")) throw GraphError.segmentNotFound(s.get(i));
        if (s.size() == i + 1) {
            return switch (method) {
                case "GET" -> new Route(CallKind.LIST_CATEGORIES, user, null, false, null, null);
                case "POST" -> new Route(CallKind.CREATE_CATEGORY, user, null, false, null, null);
                default -> throw notAllowed();
            };
        }
        if (s.size() == i + 2) {
            return switch (method) {
                case "GET" -> new Route(CallKind.GET_CATEGORY, user, null, false, s.get(i + 1), null);
                case "DELETE" -> new Route(CallKind.DELETE_CATEGORY, user, null, false, s.get(i + 1), null);
                default -> throw notAllowed();
            };
        }
        throw GraphError.segmentNotFound(s.get(i + 2));
    }

    private static Route subscriptions(String method, List<String> s) {
        if (s.size() == 1) {
            return switch (method) {
                case "GET" -> new Route(CallKind.LIST_SUBSCRIPTIONS, null, null, false, null, null);
                case "POST" -> new Route(CallKind.CREATE_SUBSCRIPTION, null, null, false, null, null);
                default -> throw notAllowed();
            };
        }
        String id = s.get(1);
        if (s.size() == 2) {
            return switch (method) {
                case "GET" -> new Route(CallKind.GET_SUBSCRIPTION, null, null, false, null, id);
                case "PATCH" -> new Route(CallKind.UPDATE_SUBSCRIPTION, null, null, false, null, id);
                case "DELETE" -> new Route(CallKind.DELETE_SUBSCRIPTION, null, null, false, null, id);
                default -> throw notAllowed();
            };
        }
        if (s.size() == 3 && is(s.get(2), "reauthorize")) return only(method, "POST", new Route(CallKind.REAUTHORIZE_SUBSCRIPTION, null, null, false, null, id));
        throw GraphError.segmentNotFound(s.get(2));
    }

    private static Route only(String method, String allowed, Route route) {
        if (!method.equals(allowed)) throw notAllowed();
        return route;
    }

    private static GraphError notAllowed() {
        return new GraphError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
    }

    private static boolean is(String segment, String name) { return segment.equalsIgnoreCase(name); }
}
