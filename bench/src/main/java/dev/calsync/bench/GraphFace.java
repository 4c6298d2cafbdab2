package dev.calsync.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.bench.Workload.Cal;
import dev.calsync.bench.Workload.Change;
import dev.calsync.bench.Workload.EventSpec;
import dev.calsync.bench.Workload.User;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.CallListener;
import dev.calsync.emulator.graph.FaultScope;
import dev.calsync.emulator.graph.GraphEmulator;
import dev.calsync.microsoft.MicrosoftCalendarProvider;
import dev.calsync.core.provider.StaticAccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Microsoft Graph: the Graph emulator and the Microsoft adapter. The workload is written in Google's terms (ids the
 * client chooses, instance ids {@code <series>_<original start>}, RRULEs); this face makes the same person's edits as
 * Outlook would, in Graph's: ids the server assigns (remembered per workload id), a weekly pattern, occurrences by
 * their place in the series.
 */
final class GraphFace implements CalendarFace {
    private final GraphEmulator emulator = GraphEmulator.start(0);
    private final Clock clock;
    /** Workload calendar id → Graph calendar id; workload event id → Graph event id. */
    private final Map<String, String> calendars = new ConcurrentHashMap<>();
    private final Map<String, String> events = new ConcurrentHashMap<>();
    /** Workload series id → the series' first start, to place its occurrences. */
    private final Map<String, Instant> seriesStarts = new ConcurrentHashMap<>();

    GraphFace(Clock clock) {
        this.clock = clock;
        emulator.setClock(clock);
    }

    @Override
    public CalendarProvider provider(Map<String, String> tokens, CallListener calls, Consumer<Duration> backoff,
                                     long seed, CallCpu cpu) {
        return MicrosoftCalendarProvider.builder(new StaticAccessTokens(tokens)).graphUrl(emulator.graphUrl())
                .callListener(calls).sleeper(backoff::accept).random(new Random(seed)).clock(clock).build();
    }

    @Override
    public List<CalendarRef> seed(User user) {
        user.accounts().forEach(a -> emulator.addMailbox(a.id(), a.token(), a.id(), a.id() + "@bench.example", "UTC"));
        for (int c = 0; c < user.calendars().size(); c++) {
            Cal cal = user.calendars().get(c);
            boolean first = user.calendars().stream().limit(c).noneMatch(p -> p.accountId().equals(cal.accountId()));
            calendars.put(cal.calendarId(), emulator.addCalendar(cal.accountId(), "Calendar " + c, first));
        }
        for (EventSpec event : user.initialEvents()) {
            if (event.recurringEventId() == null) {
                create(event);
            } else if (event.summary() == null) {
                emulator.userDelete(calendar(event.calendarId()), occurrence(event.calendarId(), event.id()));
            } else {
                emulator.userPatch(calendar(event.calendarId()), occurrence(event.calendarId(), event.id()), times(event));
            }
        }
        return user.calendars().stream().map(c -> new CalendarRef(c.accountId(), calendar(c.calendarId()))).toList();
    }

    @Override
    public void apply(Change c) {
        String calendar = calendar(c.calendarId());
        boolean occurrence = isOccurrence(c.eventId());
        String id = occurrence ? occurrence(c.calendarId(), c.eventId()) : events.get(c.eventId());
        if (c.body() == null) {
            emulator.userDelete(calendar, id);
        } else if (c.insert()) {
            create(c.body());
        } else if (occurrence) {
            emulator.userPatch(calendar, id, times(c.body()));
        } else {
            ObjectNode patch = json(c.body());
            patch.remove("recurrence"); // an "all events" edit changes the times, the pattern stays
            emulator.userPatch(calendar, id, patch);
        }
    }

    @Override
    public void throttle(String accountId, int count) {
        emulator.faults().throttleNext(count, 1, new FaultScope(accountId, null, null));
    }

    @Override
    public long totalCalls() {
        return emulator.counters().total();
    }

    /** By the kind the adapter reports each call as, so the two counts compare: every read of events is a list. */
    @Override
    public Map<String, Long> callsByKind() {
        Map<String, Long> kinds = new TreeMap<>();
        for (dev.calsync.emulator.graph.CallKind kind : dev.calsync.emulator.graph.CallKind.values()) {
            long n = emulator.counters().total(kind);
            if (n != 0) {
                kinds.merge(adapterKind(kind), n, Long::sum);
            }
        }
        return kinds;
    }

    private static String adapterKind(dev.calsync.emulator.graph.CallKind kind) {
        return switch (kind) {
            case DELTA, CALENDAR_VIEW, LIST_EVENTS -> "list";
            case CREATE_EVENT -> "insert";
            case UPDATE_EVENT -> "patch";
            case DELETE_EVENT -> "delete";
            case GET_EVENT -> "get";
            case INSTANCES -> "instances";
            case LIST_CALENDARS -> "calendar_list";
            default -> kind.wireName();
        };
    }

    @Override
    public void close() {
        emulator.close();
    }

    private void create(EventSpec event) {
        events.put(event.id(), emulator.userCreate(calendar(event.calendarId()), json(event)).path("id").asText());
        if (event.rrule() != null) {
            seriesStarts.put(event.id(), event.start());
        }
    }

    private String calendar(String workloadCalendar) {
        return calendars.get(workloadCalendar);
    }

    private boolean isOccurrence(String workloadId) {
        int cut = workloadId.lastIndexOf('_');
        return cut > 0 && seriesStarts.containsKey(workloadId.substring(0, cut));
    }

    /** The Graph id of the occurrence a workload instance id names: the series' n-th, counted in weeks. */
    private String occurrence(String workloadCalendar, String instanceId) {
        int cut = instanceId.lastIndexOf('_');
        String series = instanceId.substring(0, cut);
        Instant original = Workload.originalStartOf(instanceId);
        long weeks = ChronoUnit.DAYS.between(seriesStarts.get(series).atZone(ZoneOffset.UTC).toLocalDate(),
                original.atZone(ZoneOffset.UTC).toLocalDate()) / 7;
        return emulator.userOccurrenceId(calendar(workloadCalendar), events.get(series), (int) weeks);
    }

    /** The event as Outlook would create it: a weekly series is Graph's weekly pattern on its start's weekday. */
    private static ObjectNode json(EventSpec event) {
        ObjectNode json = times(event);
        json.put("isAllDay", event.allDay());
        json.put("showAs", event.transparent() ? "free" : "busy");
        if (event.declined()) {
            json.put("isOrganizer", false);
            json.putObject("organizer").putObject("emailAddress").put("address", "organizer@elsewhere.example");
            json.putObject("responseStatus").put("response", "declined").put("time", "2025-01-01T00:00:00Z");
        }
        if (event.rrule() != null) {
            ObjectNode recurrence = json.putObject("recurrence");
            recurrence.putObject("pattern").put("type", "weekly").put("interval", 1).put("firstDayOfWeek", "monday")
                    .putArray("daysOfWeek").add(event.start().atZone(ZoneOffset.UTC).getDayOfWeek().name()
                            .toLowerCase(Locale.ROOT));
            recurrence.putObject("range").put("type", "noEnd")
                    .put("startDate", event.start().atZone(ZoneOffset.UTC).toLocalDate().toString());
        }
        return json;
    }

    private static ObjectNode times(EventSpec event) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("subject", event.summary());
        json.putObject("start").put("dateTime", LocalDateTime.ofInstant(event.start(), ZoneOffset.UTC).toString())
                .put("timeZone", "UTC");
        json.putObject("end").put("dateTime", LocalDateTime.ofInstant(event.end(), ZoneOffset.UTC).toString())
                .put("timeZone", "UTC");
        return json;
    }
}
