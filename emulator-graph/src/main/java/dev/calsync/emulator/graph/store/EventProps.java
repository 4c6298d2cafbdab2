package dev.calsync.emulator.graph.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.GraphError;
import dev.calsync.emulator.graph.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The plain (not computed) event properties: Graph's defaults for a new event, and which of them a request may set.
 * Times, recurrence and extended properties are handled by {@link EventWrites}.
 */
public final class EventProps {
    static final Set<String> SHOW_AS = Set.of("free", "tentative", "busy", "oof", "workingElsewhere", "unknown");
    static final Set<String> SENSITIVITY = Set.of("normal", "personal", "private", "confidential");
    static final Set<String> IMPORTANCE = Set.of("low", "normal", "high");
    static final Set<String> RESPONSES = Set.of("none", "organizer", "tentativelyAccepted", "accepted", "declined", "notResponded");
    private static final Set<String> ATTENDEE_TYPES = Set.of("required", "optional", "resource");
    private static final Pattern EXTENDED_ID = Pattern.compile(
            "(?i)(String|Integer|Boolean|SystemTime|Binary|Double|Float|Long|Short|Currency|CLSID|Object)\\s+"
                    + "(\\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}\\s+(Name|Id)\\s+\\S.*|0x[0-9a-f]{1,8})");

    /** Plain properties a client may write with POST or PATCH. */
    private static final List<String> WRITABLE = List.of("subject", "body", "importance", "sensitivity", "showAs",
            "isReminderOn", "reminderMinutesBeforeStart", "categories", "location", "locations", "attendees",
            "responseRequested", "allowNewTimeProposals", "isOnlineMeeting", "onlineMeetingProvider", "hideAttendees");
    /** What only the mailbox's owner (the seed, in-process user edits) can set: the meeting's state as received. */
    private static final List<String> OWNER_ONLY = List.of("isCancelled", "responseStatus", "organizer", "isOrganizer");

    private EventProps() {}

    public static ObjectNode defaults(Mailbox owner) {
        ObjectNode p = Json.object();
        p.putArray("categories");
        p.put("reminderMinutesBeforeStart", 15);
        p.put("isReminderOn", true);
        p.put("hasAttachments", false);
        p.put("subject", "");
        p.put("bodyPreview", "");
        p.put("importance", "normal");
        p.put("sensitivity", "normal");
        p.put("isCancelled", false);
        p.put("isOrganizer", true);
        p.put("responseRequested", true);
        p.put("showAs", "busy");
        p.putNull("onlineMeetingUrl");
        p.put("isOnlineMeeting", false);
        p.put("onlineMeetingProvider", "unknown");
        p.put("allowNewTimeProposals", true);
        p.put("isDraft", false);
        p.put("hideAttendees", false);
        p.putObject("responseStatus").put("response", "organizer").put("time", "0001-01-01T00:00:00Z");
        p.putObject("body").put("contentType", "html").put("content", "");
        p.set("location", location(Json.object()));
        p.putArray("locations");
        p.putArray("attendees");
        p.putObject("organizer").putObject("emailAddress").put("name", owner.displayName()).put("address", owner.address());
        p.putNull("onlineMeeting");
        return p;
    }

    /** Copies the writable properties of {@code body} onto {@code props}, checking values as Graph does. */
    public static void apply(ObjectNode props, ObjectNode body, boolean ownerEdit) {
        for (String field : WRITABLE) if (body.has(field)) props.set(field, checked(field, body.get(field)));
        if (ownerEdit) {
            for (String field : OWNER_ONLY) if (body.has(field)) props.set(field, checked(field, body.get(field)));
        }
        if (body.has("body")) props.put("bodyPreview", preview(props.path("body").path("content").asText("")));
    }

    private static JsonNode checked(String field, JsonNode v) {
        return switch (field) {
            case "showAs" -> oneOf(v, SHOW_AS);
            case "sensitivity" -> oneOf(v, SENSITIVITY);
            case "importance" -> oneOf(v, IMPORTANCE);
            case "subject" -> Json.MAPPER.getNodeFactory().textNode(v.isNull() ? "" : v.asText());
            case "isReminderOn", "responseRequested", "allowNewTimeProposals", "isOnlineMeeting", "hideAttendees",
                 "isCancelled", "isOrganizer" -> bool(field, v);
            case "body" -> Json.object().put("contentType", v.path("contentType").asText("text")).put("content", v.path("content").asText(""));
            case "location" -> location(v);
            case "attendees" -> attendees(v);
            case "categories" -> categories(v);
            case "responseStatus" -> {
                oneOf(v.path("response"), RESPONSES);
                yield Json.object().put("response", v.path("response").asText()).put("time", v.path("time").asText("0001-01-01T00:00:00Z"));
            }
            default -> v.deepCopy();
        };
    }

    private static JsonNode oneOf(JsonNode v, Set<String> allowed) {
        if (!v.isTextual() || !allowed.contains(v.asText())) {
            throw GraphError.badRequest("RequestBodyRead", "Requested value '" + v.asText() + "' was not found.");
        }
        return v;
    }

    private static JsonNode bool(String field, JsonNode v) {
        if (!v.isBoolean()) throw GraphError.badRequest("RequestBodyRead", "Cannot convert a primitive value to the expected type 'Edm.Boolean' (" + field + ").");
        return v;
    }

    private static ObjectNode location(JsonNode v) {
        ObjectNode l = Json.object();
        l.put("displayName", v.path("displayName").asText(""));
        l.put("locationType", v.path("locationType").asText("default"));
        l.put("uniqueIdType", v.path("uniqueIdType").asText("unknown"));
        l.set("address", v.path("address").isObject() ? v.get("address").deepCopy() : Json.object());
        l.set("coordinates", v.path("coordinates").isObject() ? v.get("coordinates").deepCopy() : Json.object());
        return l;
    }

    /** Names of categories: any strings (Exchange does not require them to be in the master list). */
    private static ArrayNode categories(JsonNode v) {
        if (v.isNull()) return Json.array();
        if (!v.isArray()) throw GraphError.badRequest("RequestBodyRead", "The property 'categories' must be a collection.");
        ArrayNode out = Json.array();
        for (JsonNode name : v) {
            if (!name.isTextual()) throw GraphError.badRequest("RequestBodyRead", "Cannot convert the literal '" + name + "' to the expected type 'Edm.String'.");
            out.add(name.asText());
        }
        return out;
    }

    private static ArrayNode attendees(JsonNode v) {
        if (!v.isArray()) throw GraphError.badRequest("RequestBodyRead", "The property 'attendees' must be a collection.");
        ArrayNode out = Json.array();
        for (JsonNode a : v) {
            String address = a.path("emailAddress").path("address").asText(null);
            if (address == null) throw GraphError.badRequest("ErrorInvalidRecipients", "At least one recipient isn't valid.");
            ObjectNode n = out.addObject();
            n.put("type", a.path("type").asText("required"));
            oneOf(n.get("type"), ATTENDEE_TYPES);
            String response = a.path("status").path("response").asText("none");
            oneOf(Json.MAPPER.getNodeFactory().textNode(response), RESPONSES);
            n.putObject("status").put("response", response).put("time", a.path("status").path("time").asText("0001-01-01T00:00:00Z"));
            n.putObject("emailAddress").put("name", a.path("emailAddress").path("name").asText(address)).put("address", address);
        }
        return out;
    }

    /** Merges {@code singleValueExtendedProperties} of a request: same id (any case) replaces, new ids are added. */
    public static Map<String, String> extended(Map<String, String> current, JsonNode list) {
        Map<String, String> out = new LinkedHashMap<>(current);
        if (list == null || list.isNull()) return out;
        if (!list.isArray()) throw GraphError.badRequest("RequestBodyRead", "The property 'singleValueExtendedProperties' must be a collection.");
        for (JsonNode p : list) {
            String id = Json.text(p, "id");
            if (id == null || !EXTENDED_ID.matcher(id.trim()).matches()) {
                throw GraphError.badRequest("ErrorInvalidExtendedPropertyValue", "The extended property id '" + id + "' is not valid.");
            }
            JsonNode value = p.get("value");
            if (value == null || value.isNull()) throw GraphError.badRequest("ErrorInvalidExtendedPropertyValue", "The extended property '" + id + "' needs a value.");
            String existing = keyOf(out, id);
            out.put(existing != null ? existing : id.trim(), value.asText());
        }
        return out;
    }

    /** The stored spelling of an extended property id, matched without regard to case (as Exchange does). */
    public static String keyOf(Map<String, String> extended, String id) {
        for (String k : extended.keySet()) if (k.equalsIgnoreCase(id.trim())) return k;
        return null;
    }

    private static String preview(String content) {
        String text = content.replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return text.length() > 255 ? text.substring(0, 255) : text;
    }
}
