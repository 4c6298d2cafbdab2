package dev.calsync.emulator.graph.http;

import dev.calsync.emulator.graph.GraphError;
import dev.calsync.emulator.graph.store.EventProps;
import dev.calsync.emulator.graph.store.StoredEvent;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few OData query options calendar clients use: the time window, $select, $expand and $filter of extended properties. */
final class ODataQuery {
    private static final Pattern EXPAND = Pattern.compile("(?i)^\\s*singleValueExtendedProperties\\s*\\(\\s*\\$filter\\s*=\\s*(.+)\\)\\s*$");
    private static final Pattern ID_EQ = Pattern.compile("(?i)^\\s*id\\s+eq\\s+'((?:[^']|'')*)'\\s*$");
    private static final Pattern ANY = Pattern.compile(
            "(?i)^\\s*singleValueExtendedProperties\\s*/\\s*any\\s*\\(\\s*(\\w+)\\s*:\\s*(.+)\\)\\s*$");
    private static final Pattern EP_ID = Pattern.compile("(?i)^\\s*(\\w+)/id\\s+eq\\s+'((?:[^']|'')*)'\\s*$");
    private static final Pattern EP_VALUE = Pattern.compile("(?i)^\\s*(\\w+)/value\\s+eq\\s+'((?:[^']|'')*)'\\s*$");
    private static final Pattern ICALUID = Pattern.compile("(?i)^\\s*iCalUId\\s+eq\\s+'((?:[^']|'')*)'\\s*$");

    private ODataQuery() {}

    record Window(Instant start, Instant end) {}

    /** startDateTime/endDateTime, both required; a time without offset is UTC. */
    static Window window(GraphRequest req) {
        String start = req.param("startDateTime");
        String end = req.param("endDateTime");
        if (start == null || end == null) {
            throw GraphError.badRequest("ErrorInvalidParameter",
                    "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
        }
        Window w = new Window(instant(start), instant(end));
        if (w.end().isBefore(w.start())) {
            throw GraphError.badRequest("ErrorInvalidParameter", "The parameter 'EndDateTime' must be later than 'StartDateTime'.");
        }
        return w;
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw GraphError.badRequest("ErrorInvalidParameter", "The value '" + text + "' of a time window parameter is not a valid date and time.");
            }
        }
    }

    static List<String> select(GraphRequest req) {
        String s = req.param("$select");
        if (s == null || s.isBlank()) return null;
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    /** The extended property ids of {@code $expand=singleValueExtendedProperties($filter=id eq '...' [or id eq '...'])}. */
    static List<String> expandedProperties(GraphRequest req) {
        String expand = req.param("$expand");
        if (expand == null || expand.isBlank()) return null;
        Matcher m = EXPAND.matcher(expand);
        if (!m.matches()) {
            throw GraphError.badRequest("ErrorInvalidUrlQuery", "Only singleValueExtendedProperties($filter=id eq '...') can be expanded here.");
        }
        List<String> ids = new ArrayList<>();
        for (String clause : m.group(1).split("(?i)\\s+or\\s+")) {
            Matcher id = ID_EQ.matcher(clause);
            if (!id.matches()) throw GraphError.badRequest("ErrorInvalidUrlQueryFilter", "The $expand filter must compare id with eq.");
            ids.add(unquote(id.group(1)));
        }
        return ids;
    }

    /**
     * {@code $filter} on a calendar's events: {@code singleValueExtendedProperties/Any(ep: ep/id eq '…' [and ep/value eq '…'])}
     * or {@code iCalUId eq '…'}.
     */
    static Predicate<StoredEvent> filter(GraphRequest req) {
        String filter = req.param("$filter");
        if (filter == null || filter.isBlank()) return e -> true;
        Matcher ical = ICALUID.matcher(filter);
        if (ical.matches()) {
            String wanted = unquote(ical.group(1));
            return e -> e.iCalUId().equals(wanted);
        }
        Matcher any = ANY.matcher(filter);
        if (any.matches()) {
            String var = any.group(1);
            String id = null;
            String value = null;
            for (String clause : any.group(2).split("(?i)\\s+and\\s+")) {
                Matcher mi = EP_ID.matcher(clause);
                Matcher mv = EP_VALUE.matcher(clause);
                if (mi.matches() && mi.group(1).equals(var)) id = unquote(mi.group(2));
                else if (mv.matches() && mv.group(1).equals(var)) value = unquote(mv.group(2));
                else throw invalidFilter(filter);
            }
            if (id == null) throw invalidFilter(filter);
            String wantedId = id;
            String wantedValue = value;
            return e -> {
                String key = EventProps.keyOf(e.extended(), wantedId);
                return key != null && (wantedValue == null || wantedValue.equals(e.extended().get(key)));
            };
        }
        throw invalidFilter(filter);
    }

    private static GraphError invalidFilter(String filter) {
        return GraphError.badRequest("ErrorInvalidUrlQueryFilter", "The emulator cannot evaluate the filter '" + filter + "'.");
    }

    private static String unquote(String s) { return s.replace("''", "'"); }
}
