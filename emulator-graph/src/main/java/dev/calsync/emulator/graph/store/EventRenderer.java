package dev.calsync.emulator.graph.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.Json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Writes an instance in Graph's event shape, fields in the order Graph sends them. */
public final class EventRenderer {
    private static final List<String> FIELDS = List.of("createdDateTime", "lastModifiedDateTime", "changeKey", "categories",
            "transactionId", "originalStartTimeZone", "originalEndTimeZone", "iCalUId", "reminderMinutesBeforeStart",
            "isReminderOn", "hasAttachments", "subject", "bodyPreview", "importance", "sensitivity", "isAllDay", "isCancelled",
            "isOrganizer", "responseRequested", "seriesMasterId", "showAs", "type", "webLink", "onlineMeetingUrl",
            "isOnlineMeeting", "onlineMeetingProvider", "allowNewTimeProposals", "isDraft", "hideAttendees", "responseStatus",
            "body", "start", "end", "location", "locations", "recurrence", "attendees", "organizer", "onlineMeeting", "originalStart");

    private EventRenderer() {}

    public static ObjectNode render(Instance i, EventView view) {
        StoredEvent e = i.event();
        ModifiedOccurrence x = i.exception();
        boolean occurrence = i.originalStart() != null;
        ObjectNode props = x != null ? x.props() : e.props();
        String changeKey = x != null ? x.changeKey() : e.changeKey();
        Instant modified = x != null ? x.modified() : e.modified();
        ObjectNode out = Json.object();
        if (view.delta()) out.put("@odata.type", "#microsoft.graph.event");
        out.put("@odata.etag", "W/\"" + changeKey + "\"");
        out.put("id", i.id());
        for (String field : FIELDS) {
            if (view.select() != null && view.select().stream().noneMatch(field::equalsIgnoreCase)) continue;
            JsonNode value = switch (field) {
                case "createdDateTime" -> text(EventTime.formatInstant(e.created()));
                case "lastModifiedDateTime" -> text(EventTime.formatInstant(modified));
                case "changeKey" -> text(changeKey);
                case "transactionId" -> e.transactionId() == null || occurrence ? null : text(e.transactionId());
                case "originalStartTimeZone" -> text(e.start().zoneName());
                case "originalEndTimeZone" -> text(e.end().zoneName());
                case "iCalUId" -> text(occurrence
                        ? GraphIds.occurrenceICalUId(e.iCalUId(), LocalDate.ofInstant(i.originalStart(), e.start().zone()))
                        : e.iCalUId());
                case "isAllDay" -> Json.MAPPER.getNodeFactory().booleanNode(i.allDay());
                case "seriesMasterId" -> occurrence ? text(e.id()) : Json.MAPPER.getNodeFactory().nullNode();
                case "type" -> text(i.type());
                case "webLink" -> text("https://outlook.office365.com/owa/?itemid=" + URLEncoder.encode(i.id(), StandardCharsets.UTF_8)
                        + "&exvsurl=1&path=/calendar/item");
                case "start" -> i.start().render(view.zone(), view.zoneName(), i.allDay());
                case "end" -> i.end().render(view.zone(), view.zoneName(), i.allDay());
                case "recurrence" -> occurrence || e.recurrence() == null ? Json.MAPPER.getNodeFactory().nullNode() : e.recurrence().toJson();
                case "originalStart" -> occurrence ? text(i.originalStart().toString()) : null;
                default -> props.get(field);
            };
            if (value != null) out.set(field, value.deepCopy());
        }
        if (view.expandedProperties() != null) {
            ArrayNode list = Json.array();
            Map<String, String> extended = x != null ? x.extended() : e.extended();
            for (String wanted : view.expandedProperties()) {
                String key = EventProps.keyOf(extended, wanted);
                if (key != null) list.addObject().put("id", key).put("value", extended.get(key));
            }
            // Graph leaves the property out when no extended property matched the $expand filter.
            if (!list.isEmpty()) out.set("singleValueExtendedProperties", list);
        }
        return out;
    }

    /** A deleted (or, within a delta window, departed) item as delta reports it. */
    public static ObjectNode removed(String id) {
        ObjectNode out = Json.object();
        out.put("@odata.type", "#microsoft.graph.event");
        out.put("id", id);
        out.putObject("@removed").put("reason", "deleted");
        return out;
    }

    private static JsonNode text(String s) { return Json.MAPPER.getNodeFactory().textNode(s); }
}
