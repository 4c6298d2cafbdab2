package dev.calsync.emulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.CallCounters;
import dev.calsync.emulator.CallKind;
import dev.calsync.emulator.EmulatorApiException;
import dev.calsync.emulator.FaultType;
import dev.calsync.emulator.Faults;
import dev.calsync.emulator.Json;
import dev.calsync.emulator.Rfc3339;
import dev.calsync.emulator.push.PushNotifications;
import dev.calsync.emulator.store.CalendarRegistry;
import dev.calsync.emulator.store.CalendarState;
import dev.calsync.emulator.store.EmulatorContext;
import dev.calsync.emulator.store.ListQuery;
import dev.calsync.emulator.store.ListResult;
import dev.calsync.emulator.store.PageCursor;
import dev.calsync.emulator.store.SyncTokens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Calendar API v3 methods: authenticates, meters, injects faults, then runs the call on the calendar store.
 * Shared by plain HTTP requests and batch parts.
 */
public final class CalendarApi {
    private static final int DEFAULT_PAGE = 250;
    private static final int MAX_PAGE = 2500;
    private static final List<String> FORBIDDEN_WITH_SYNC_TOKEN =
            List.of("timeMin", "timeMax", "updatedMin", "q", "iCalUID", "orderBy", "privateExtendedProperty", "sharedExtendedProperty");

    private final CalendarRegistry registry;
    private final EmulatorContext context;
    private final SyncTokens tokens;
    private final PushNotifications push;
    private final Faults faults;
    private final CallCounters counters;
    private final Supplier<String> rootUrl;

    public CalendarApi(CalendarRegistry registry, EmulatorContext context, PushNotifications push, Faults faults,
                       CallCounters counters, Supplier<String> rootUrl) {
        this.registry = registry;
        this.context = context;
        this.tokens = new SyncTokens(context);
        this.push = push;
        this.faults = faults;
        this.counters = counters;
        this.rootUrl = rootUrl;
    }

    public ApiResponse handle(ApiRequest req) {
        Route route = Route.parse(req.method(), req.segments());
        if (route == null) return ApiResponse.error(EmulatorApiException.notFound());
        String account = null;
        String calendarId = route.calendarRef();
        try {
            account = authenticate(req);
            CalendarState calendar = route.calendarRef() == null ? null : registry.resolve(account, route.calendarRef());
            if (calendar != null) calendarId = calendar.id();
            FaultType fault = faults.takeCallFault(account, calendarId, route.kind());
            if (fault != null) {
                counters.record(account, calendarId, route.kind(), false);
                return fault == FaultType.HTML_ERROR ? ApiResponse.html(500, "Internal Server Error") : ApiResponse.error(fault.toException());
            }
            ApiResponse response = execute(route, req, account, calendar);
            FaultType lost = faults.takeLostResponse(account, calendarId, route.kind());
            if (lost != null) {
                counters.record(account, calendarId, route.kind(), false);
                return lost == FaultType.LOST_RESPONSE_CLOSE ? ApiResponse.drop() : ApiResponse.error(lost.toException());
            }
            counters.record(account, calendarId, route.kind(), true);
            FaultType mangle = faults.takeMangledAnswer(account, calendarId, route.kind());
            return mangle == null ? response : MalformedAnswers.mangle(mangle, response);
        } catch (EmulatorApiException e) {
            counters.record(account, calendarId, route.kind(), false);
            return ApiResponse.error(e);
        }
    }

    private String authenticate(ApiRequest req) {
        String auth = req.header("authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
        String account = registry.accountForToken(token);
        if (account == null) throw EmulatorApiException.authError();
        return account;
    }

    private ApiResponse execute(Route route, ApiRequest req, String account, CalendarState calendar) {
        String ifMatch = req.header("if-match");
        return switch (route.kind()) {
            case CALENDAR_LIST -> ApiResponse.json(200, calendarList(account));
            case LIST -> ApiResponse.json(200, list(calendar, req));
            case GET -> ApiResponse.json(200, calendar.get(route.eventId()));
            case INSERT -> ApiResponse.json(200, calendar.insert(Json.parseObject(req.body())));
            case UPDATE -> ApiResponse.json(200, calendar.update(route.eventId(), Json.parseObject(req.body()), ifMatch));
            case PATCH -> ApiResponse.json(200, calendar.patch(route.eventId(), Json.parseObject(req.body()), ifMatch));
            case DELETE -> {
                calendar.delete(route.eventId(), ifMatch);
                yield ApiResponse.noContent();
            }
            case INSTANCES -> ApiResponse.json(200, instances(calendar, route.eventId(), req));
            case WATCH -> {
                String uri = rootUrl.get() + "calendar/v3/calendars/" + URLEncoder.encode(route.calendarRef(), StandardCharsets.UTF_8)
                        + "/events?alt=json";
                yield ApiResponse.json(200, push.watch(account, calendar.id(), uri, Json.parseObject(req.body())));
            }
            case STOP -> {
                push.stop(account, Json.parseObject(req.body()));
                yield ApiResponse.noContent();
            }
        };
    }

    private ObjectNode calendarList(String account) {
        ObjectNode out = Json.object();
        out.put("kind", "calendar#calendarList");
        out.put("etag", "\"" + registry.calendarsOf(account).size() + "\"");
        ArrayNode items = out.putArray("items");
        for (CalendarState c : registry.calendarsOf(account)) {
            ObjectNode i = items.addObject();
            i.put("kind", "calendar#calendarListEntry");
            i.put("etag", "\"" + c.id().hashCode() + "\"");
            i.put("id", c.id());
            i.put("summary", c.summary());
            i.put("timeZone", c.timeZone());
            i.put("accessRole", "owner");
            i.putArray("defaultReminders");
            if (registry.isPrimary(c.id())) i.put("primary", true);
        }
        return out;
    }

    private ObjectNode list(CalendarState calendar, ApiRequest req) {
        String syncToken = req.param("syncToken");
        if (syncToken != null) {
            for (String p : FORBIDDEN_WITH_SYNC_TOKEN) {
                if (req.param(p) != null) throw EmulatorApiException.invalid("Parameter " + p + " is not compatible with syncToken.");
            }
        }
        boolean singleEvents = bool(req, "singleEvents");
        int pageSize = pageSize(req);
        ListResult result;
        long epoch = context.tokenEpoch();
        String pageToken = req.param("pageToken");
        if (pageToken != null) {
            SyncTokens.PageState state = tokens.parsePageToken(pageToken, calendar.id());
            if (state.cursor().singleEvents() != singleEvents) throw EmulatorApiException.invalid("Invalid page token value.");
            epoch = state.epoch();
            result = state.cursor().incremental()
                    ? calendar.listChanges(0, singleEvents, state.cursor(), pageSize)
                    : calendar.list(query(req, singleEvents), state.cursor(), pageSize);
        } else if (syncToken != null) {
            long from = tokens.parseSyncToken(syncToken, calendar.id(), singleEvents, calendar.currentSeq());
            result = calendar.listChanges(from, singleEvents, null, pageSize);
        } else {
            result = calendar.list(query(req, singleEvents), null, pageSize);
        }
        ObjectNode out = Json.object();
        out.put("kind", "calendar#events");
        out.put("etag", "\"" + result.snapshotSeq() + "\"");
        out.put("summary", calendar.summary());
        out.put("description", "");
        out.put("updated", Rfc3339.utcMillis(context.now()));
        out.put("timeZone", calendar.timeZone());
        out.put("accessRole", "owner");
        out.putArray("defaultReminders");
        if (result.next() != null) {
            out.put("nextPageToken", tokens.pageToken(calendar.id(), result.next(), epoch));
        } else {
            out.put("nextSyncToken", tokens.syncToken(calendar.id(), result.snapshotSeq(), singleEvents, epoch));
        }
        ArrayNode items = out.putArray("items");
        result.items().forEach(items::add);
        return out;
    }

    private ObjectNode instances(CalendarState calendar, String seriesId, ApiRequest req) {
        PageCursor cursor = null;
        String pageToken = req.param("pageToken");
        if (pageToken != null) cursor = tokens.parsePageToken(pageToken, calendar.id()).cursor();
        Long timeMin = time(req, "timeMin");
        Long timeMax = time(req, "timeMax");
        ListResult result = calendar.instances(seriesId, timeMin, timeMax, bool(req, "showDeleted"), cursor, pageSize(req));
        ObjectNode out = Json.object();
        out.put("kind", "calendar#events");
        out.put("etag", "\"" + result.snapshotSeq() + "\"");
        out.put("summary", calendar.summary());
        out.put("updated", Rfc3339.utcMillis(context.now()));
        out.put("timeZone", calendar.timeZone());
        out.put("accessRole", "owner");
        out.putArray("defaultReminders");
        if (result.next() != null) out.put("nextPageToken", tokens.pageToken(calendar.id(), result.next(), context.tokenEpoch()));
        ArrayNode items = out.putArray("items");
        result.items().forEach(items::add);
        return out;
    }

    private ListQuery query(ApiRequest req, boolean singleEvents) {
        String orderBy = req.param("orderBy");
        ListQuery.Order order;
        if (orderBy == null) order = ListQuery.Order.NONE;
        else if (orderBy.equals("startTime")) {
            if (!singleEvents) throw EmulatorApiException.invalid("The requested ordering is not available for the particular query.");
            order = ListQuery.Order.START_TIME;
        } else if (orderBy.equals("updated")) order = ListQuery.Order.UPDATED;
        else throw EmulatorApiException.invalid("Invalid value for orderBy.");
        Long timeMin = time(req, "timeMin");
        Long timeMax = time(req, "timeMax");
        if (timeMin != null && timeMax != null && timeMax < timeMin) {
            throw EmulatorApiException.badRequest("timeRangeEmpty", "The specified time range is empty.");
        }
        return new ListQuery(timeMin, timeMax, time(req, "updatedMin"), bool(req, "showDeleted"), singleEvents, order,
                req.param("q"), req.param("iCalUID"), properties(req, "privateExtendedProperty"), properties(req, "sharedExtendedProperty"));
    }

    private static List<String[]> properties(ApiRequest req, String name) {
        List<String[]> out = new ArrayList<>();
        for (String p : req.params(name)) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw EmulatorApiException.invalid("Invalid " + name + " value.");
            out.add(new String[] {p.substring(0, eq), p.substring(eq + 1)});
        }
        return out;
    }

    private int pageSize(ApiRequest req) {
        String max = req.param("maxResults");
        int size = DEFAULT_PAGE;
        if (max != null) {
            try {
                size = Integer.parseInt(max);
            } catch (NumberFormatException e) {
                throw EmulatorApiException.invalid("Invalid value for maxResults.");
            }
            if (size < 1) throw EmulatorApiException.invalid("Invalid value for maxResults.");
            size = Math.min(size, MAX_PAGE);
        }
        int cap = faults.pageSizeCap();
        return cap > 0 ? Math.min(size, cap) : size;
    }

    private static boolean bool(ApiRequest req, String name) { return "true".equalsIgnoreCase(req.param(name)); }

    private static Long time(ApiRequest req, String name) {
        String v = req.param(name);
        return v == null ? null : Rfc3339.parseParameter(name, v);
    }
}
