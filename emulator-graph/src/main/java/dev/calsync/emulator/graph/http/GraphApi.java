package dev.calsync.emulator.graph.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.CallCounters;
import dev.calsync.emulator.graph.FaultType;
import dev.calsync.emulator.graph.Faults;
import dev.calsync.emulator.graph.GraphError;
import dev.calsync.emulator.graph.Json;
import dev.calsync.emulator.graph.delta.DeltaRound;
import dev.calsync.emulator.graph.delta.DeltaState;
import dev.calsync.emulator.graph.delta.DeltaTokens;
import dev.calsync.emulator.graph.push.Subscriptions;
import dev.calsync.emulator.graph.store.CalendarStore;
import dev.calsync.emulator.graph.store.EventRenderer;
import dev.calsync.emulator.graph.store.EventView;
import dev.calsync.emulator.graph.store.EventWrites;
import dev.calsync.emulator.graph.store.GraphContext;
import dev.calsync.emulator.graph.store.Instance;
import dev.calsync.emulator.graph.store.Instances;
import dev.calsync.emulator.graph.store.Mailbox;
import dev.calsync.emulator.graph.store.MailboxSettingsAccess;
import dev.calsync.emulator.graph.store.MasterCategories;
import dev.calsync.emulator.graph.store.MailboxRegistry;
import dev.calsync.emulator.graph.store.StoredEvent;
import dev.calsync.emulator.graph.store.TimeZones;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Graph v1.0 calendar operations: authenticates, meters, injects faults, then runs the call on the store. */
public final class GraphApi {
    static final int DEFAULT_PAGE = 10;
    static final int MAX_PAGE = 1000;
    private static final List<String> NOT_WITH_DELTA = List.of("$orderby", "$filter", "$select", "$expand", "$search");

    private final MailboxRegistry mailboxes;
    private final GraphContext context;
    private final EventWrites writes;
    private final DeltaTokens tokens;
    private final Subscriptions subscriptions;
    private final Faults faults;
    private final CallCounters counters;

    public GraphApi(MailboxRegistry mailboxes, GraphContext context, Subscriptions subscriptions, Faults faults, CallCounters counters) {
        this.mailboxes = mailboxes;
        this.context = context;
        this.writes = new EventWrites(context);
        this.tokens = new DeltaTokens(context);
        this.subscriptions = subscriptions;
        this.faults = faults;
        this.counters = counters;
    }

    public GraphResponse handle(GraphRequest req) {
        Route route;
        try {
            route = Route.parse(req.method(), req.segments());
        } catch (GraphError e) {
            return GraphResponse.error(e);
        }
        String mailboxId = null;
        String calendarId = route.calendarId();
        try {
            Mailbox mailbox = authenticate(req, route);
            mailboxId = mailbox.id();
            CalendarStore calendar = calendarOf(mailbox, route);
            if (calendar != null) calendarId = calendar.id();
            Faults.Fault fault = faults.takeCallFault(mailboxId, calendarId, route.kind());
            if (fault != null) {
                counters.record(mailboxId, calendarId, route.kind(), false);
                return GraphResponse.error(fault.type().toError(fault.retryAfterSeconds()));
            }
            GraphResponse response = execute(route, req, mailbox, calendar);
            Faults.Fault lost = faults.takeLostResponse(mailboxId, calendarId, route.kind());
            if (lost != null) {
                counters.record(mailboxId, calendarId, route.kind(), false);
                return lost.type() == FaultType.LOST_RESPONSE_CLOSE
                        ? GraphResponse.drop() : GraphResponse.error(lost.type().toError(null));
            }
            counters.record(mailboxId, calendarId, route.kind(), true);
            Faults.Fault mangle = faults.takeMangledAnswer(mailboxId, calendarId, route.kind());
            return mangle == null ? response : MalformedAnswers.mangle(mangle.type(), response);
        } catch (GraphError e) {
            counters.record(mailboxId, calendarId, route.kind(), false);
            return GraphResponse.error(e);
        }
    }

    private Mailbox authenticate(GraphRequest req, Route route) {
        String auth = req.header("authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
        if (token == null || token.isEmpty()) throw GraphError.unauthenticated("Access token is empty.");
        Mailbox mailbox = mailboxes.byToken(token);
        if (mailbox == null) throw GraphError.unauthenticated("Access token validation failure. Invalid audience.");
        String user = route.user();
        if (user != null && !user.equalsIgnoreCase(mailbox.id()) && !user.equalsIgnoreCase(mailbox.address()) && !user.equalsIgnoreCase(mailbox.userId())) {
            throw new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }
        return mailbox;
    }

    private static CalendarStore calendarOf(Mailbox mailbox, Route route) {
        if (route.calendarId() != null) return mailbox.calendar(route.calendarId());
        return route.defaultCalendar() ? mailbox.defaultCalendar() : null;
    }

    private GraphResponse execute(Route route, GraphRequest req, Mailbox mailbox, CalendarStore calendar) {
        return switch (route.kind()) {
            case LIST_CALENDARS -> {
                ObjectNode out = collection(req, "users('" + mailbox.userId() + "')/calendars");
                ArrayNode value = out.putArray("value");
                mailbox.calendars().forEach(c -> value.add(calendarJson(c)));
                yield GraphResponse.json(200, out);
            }
            case GET_CALENDAR -> {
                ObjectNode out = Json.object();
                out.put("@odata.context", req.serviceRoot() + "$metadata#users('" + mailbox.userId() + "')/calendars/$entity");
                out.setAll(calendarJson(calendar));
                yield GraphResponse.json(200, out);
            }
            case LIST_EVENTS -> listEvents(req, calendar);
            case CREATE_EVENT -> {
                yield event(req, 201, writes.create(calendar, Json.parseObject(req.body()), false).instance());
            }
            case GET_EVENT -> event(req, 200, writes.find(mailbox, calendar, route.eventId()).instance());
            case UPDATE_EVENT -> event(req, 200, writes.patch(mailbox, calendar, route.eventId(), Json.parseObject(req.body()), false).instance());
            case DELETE_EVENT -> {
                writes.delete(mailbox, calendar, route.eventId());
                yield GraphResponse.noContent();
            }
            case INSTANCES -> instances(req, mailbox, calendar, route.eventId());
            case CALENDAR_VIEW -> calendarView(req, calendar);
            case DELTA -> delta(req, calendar);
            case CREATE_SUBSCRIPTION -> GraphResponse.json(201, subscriptions.create(mailbox, Json.parseObject(req.body()), subscriptionContext(req)));
            case LIST_SUBSCRIPTIONS -> GraphResponse.json(200, subscriptions.list(mailbox, req.serviceRoot() + "$metadata#subscriptions"));
            case GET_SUBSCRIPTION -> GraphResponse.json(200, subscriptions.get(mailbox, route.subscriptionId(), subscriptionContext(req)));
            case UPDATE_SUBSCRIPTION -> GraphResponse.json(200,
                    subscriptions.update(mailbox, route.subscriptionId(), Json.parseObject(req.body()), subscriptionContext(req)));
            case DELETE_SUBSCRIPTION -> {
                subscriptions.delete(mailbox, route.subscriptionId());
                yield GraphResponse.noContent();
            }
            case REAUTHORIZE_SUBSCRIPTION -> {
                subscriptions.reauthorize(mailbox, route.subscriptionId());
                yield GraphResponse.noContent();
            }
            case LIST_CATEGORIES -> {
                MasterCategories categories = categories(mailbox, MailboxSettingsAccess.READ);
                ObjectNode out = collection(req, "users('" + mailbox.userId() + "')/outlook/masterCategories");
                ArrayNode value = out.putArray("value");
                categories.list().forEach(value::add);
                yield GraphResponse.json(200, out);
            }
            case GET_CATEGORY -> category(req, mailbox, 200,
                    categories(mailbox, MailboxSettingsAccess.READ).get(route.categoryId()));
            case CREATE_CATEGORY -> category(req, mailbox, 201,
                    categories(mailbox, MailboxSettingsAccess.READ_WRITE).create(Json.parseObject(req.body())));
            case DELETE_CATEGORY -> {
                categories(mailbox, MailboxSettingsAccess.READ_WRITE).delete(route.categoryId());
                yield GraphResponse.noContent();
            }
        };
    }

    /** The mailbox's master category list, if its grant allows {@code needed}; else 403 as Graph answers it. */
    private static MasterCategories categories(Mailbox mailbox, MailboxSettingsAccess needed) {
        MasterCategories categories = mailbox.masterCategories();
        if (categories.access().compareTo(needed) < 0) {
            throw new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }
        return categories;
    }

    private static GraphResponse category(GraphRequest req, Mailbox mailbox, int status, ObjectNode category) {
        ObjectNode out = Json.object();
        out.put("@odata.context", req.serviceRoot() + "$metadata#users('" + mailbox.userId() + "')/outlook/masterCategories/$entity");
        out.setAll(category);
        return GraphResponse.json(status, out);
    }

    private GraphResponse event(GraphRequest req, int status, Instance instance) {
        Reading r = reading(req, true);
        ObjectNode out = Json.object();
        out.put("@odata.context", req.serviceRoot() + "$metadata#users('me')/events/$entity");
        out.setAll(EventRenderer.render(instance, r.view));
        return GraphResponse.json(status, out).withHeaders(r.applied);
    }

    private GraphResponse listEvents(GraphRequest req, CalendarStore calendar) {
        var filter = ODataQuery.filter(req);
        List<Instance> items = new ArrayList<>();
        for (StoredEvent e : calendar.allAt(calendar.currentSeq())) if (filter.test(e)) items.add(Instances.single(e));
        items.sort(Instances.BY_START);
        return page(req, items, "users('me')/calendars('" + calendar.id() + "')/events");
    }

    private GraphResponse calendarView(GraphRequest req, CalendarStore calendar) {
        ODataQuery.Window w = ODataQuery.window(req);
        List<Instance> items = new ArrayList<>();
        for (StoredEvent e : calendar.allAt(calendar.currentSeq())) items.addAll(Instances.within(e, w.start(), w.end()));
        items.sort(Instances.BY_START);
        return page(req, items, "users('me')/calendars('" + calendar.id() + "')/calendarView");
    }

    private GraphResponse instances(GraphRequest req, Mailbox mailbox, CalendarStore calendar, String eventId) {
        EventWrites.Found found = writes.find(mailbox, calendar, eventId);
        if (found.instance().originalStart() != null || !found.event().isSeries()) {
            throw GraphError.badRequest("ErrorInvalidRequest", "The event is not the master of a recurring series.");
        }
        ODataQuery.Window w = ODataQuery.window(req);
        return page(req, Instances.within(found.event(), w.start(), w.end()), "users('me')/events('" + eventId + "')/instances");
    }

    /** Offset paging as Graph does it for calendarView and events: {@code $top}/{@code $skip}, {@code @odata.nextLink}. */
    private GraphResponse page(GraphRequest req, List<Instance> items, String context) {
        Reading r = reading(req, true);
        int skip = intParam(req, "$skip", 0);
        Integer top = req.param("$top") == null ? null : intParam(req, "$top", DEFAULT_PAGE);
        Integer preferred = r.prefs.maxPageSize();
        int size = top == null ? (preferred == null ? DEFAULT_PAGE : preferred) : (preferred == null ? top : Math.min(top, preferred));
        size = capped(Math.min(size, MAX_PAGE));
        ObjectNode out = collection(req, context);
        int end = Math.min(items.size(), skip + size);
        if (end < items.size()) out.put("@odata.nextLink", req.linkWith("$skip", Integer.toString(end)));
        ArrayNode value = out.putArray("value");
        for (int i = Math.min(skip, items.size()); i < end; i++) value.add(EventRenderer.render(items.get(i), r.view));
        return GraphResponse.json(200, out).withHeaders(r.applied);
    }

    private GraphResponse delta(GraphRequest req, CalendarStore calendar) {
        for (String p : NOT_WITH_DELTA) {
            if (req.param(p) != null) {
                throw GraphError.badRequest("ErrorInvalidUrlQuery", "The following parameters are not supported with change tracking over the "
                        + "'CalendarView' resource: '$orderby, $filter, $select, $expand, $search'.");
            }
        }
        if (req.param("$top") != null) {
            throw GraphError.badRequest("ErrorInvalidUrlQuery", "The '$top' parameter is not supported with change tracking over the "
                    + "'CalendarView' resource as page size cannot be guaranteed. Express page size preferences using the Prefer: "
                    + "odata.maxpagesize= header instead.");
        }
        String initialUrl = req.serviceRoot() + req.rawPath();
        DeltaState state;
        String skipToken = req.param("$skiptoken");
        String deltaToken = req.param("$deltatoken");
        if (skipToken != null) {
            state = tokens.decode(skipToken, true, calendar.id(), initialUrl);
        } else if (deltaToken != null) {
            DeltaState ended = tokens.decode(deltaToken, false, calendar.id(), initialUrl);
            state = new DeltaState(true, ended.calendarId(), ended.windowStart(), ended.windowEnd(), ended.fromSeq(), calendar.currentSeq(), 0, ended.epoch());
        } else {
            ODataQuery.Window w = ODataQuery.window(req);
            state = new DeltaState(true, calendar.id(), w.start(), w.end(), -1, calendar.currentSeq(), 0, context.tokenEpoch());
        }
        Reading r = reading(req, false);
        int size = capped(r.prefs.maxPageSize() == null ? DEFAULT_PAGE : Math.min(r.prefs.maxPageSize(), MAX_PAGE));
        DeltaRound.Page page = DeltaRound.page(calendar, state, size, r.view);
        ObjectNode out = collection(req, "Collection(event)");
        if (page.next() != null) out.put("@odata.nextLink", req.tokenLink("$skiptoken", tokens.encode(page.next())));
        else out.put("@odata.deltaLink", req.tokenLink("$deltatoken", tokens.encode(state.endOfRound())));
        ArrayNode value = out.putArray("value");
        page.items().forEach(value::add);
        return GraphResponse.json(200, out).withHeaders(r.applied);
    }

    private record Reading(EventView view, Preferences prefs, Map<String, String> applied) {}

    /** How the request wants events shown: Prefer headers, and $select/$expand where the call takes them. */
    private static Reading reading(GraphRequest req, boolean queryOptions) {
        Preferences prefs = Preferences.parse(req.header("prefer"));
        ZoneId zone = ZoneOffset.UTC;
        String zoneName = "UTC";
        List<String> applied = new ArrayList<>();
        if (prefs.timeZone() != null) {
            zone = TimeZones.resolve(prefs.timeZone());
            zoneName = prefs.timeZone();
            applied.add("outlook.timezone=\"" + zoneName + "\"");
        }
        if (prefs.maxPageSize() != null) applied.add("odata.maxpagesize=" + prefs.maxPageSize());
        EventView view = new EventView(zone, zoneName, queryOptions ? ODataQuery.expandedProperties(req) : null,
                queryOptions ? ODataQuery.select(req) : null, false);
        Map<String, String> headers = new LinkedHashMap<>();
        if (!applied.isEmpty()) headers.put("Preference-Applied", String.join(",", applied));
        return new Reading(view, prefs, headers);
    }

    private int capped(int size) {
        int cap = faults.pageSizeCap();
        return Math.max(1, cap > 0 ? Math.min(size, cap) : size);
    }

    private static int intParam(GraphRequest req, String name, int fallback) {
        String v = req.param(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n < 0 || (name.equals("$top") && n == 0)) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw GraphError.badRequest("BadRequest", "Invalid value '" + v + "' for query option '" + name + "'.");
        }
    }

    private static ObjectNode collection(GraphRequest req, String context) {
        ObjectNode out = Json.object();
        out.put("@odata.context", req.serviceRoot() + "$metadata#" + context);
        return out;
    }

    private static String subscriptionContext(GraphRequest req) { return req.serviceRoot() + "$metadata#subscriptions/$entity"; }

    static ObjectNode calendarJson(CalendarStore c) {
        ObjectNode n = Json.object();
        n.put("id", c.id());
        n.put("name", c.name());
        n.put("color", "auto");
        n.put("hexColor", "");
        n.put("isDefaultCalendar", c.isDefault());
        n.put("changeKey", Long.toString(c.id().hashCode() & 0xffffffffL, 36));
        n.put("canShare", true);
        n.put("canViewPrivateItems", true);
        n.put("canEdit", true);
        n.putArray("allowedOnlineMeetingProviders").add("teamsForBusiness");
        n.put("defaultOnlineMeetingProvider", "teamsForBusiness");
        n.put("isTallyingResponses", true);
        n.put("isRemovable", !c.isDefault());
        n.putObject("owner").put("name", c.owner().displayName()).put("address", c.owner().address());
        return n;
    }
}
