package dev.calsync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.FaultType;
import dev.calsync.emulator.Json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a successful answer into the broken or surprising ones real services send now and then: fields missing,
 * enum values from a newer API version, huge texts, cut-off or invalid JSON, an HTML page with status 200.
 */
final class MalformedAnswers {
    private static final int HUGE = 1 << 20;

    private MalformedAnswers() {}

    static ApiResponse mangle(FaultType type, ApiResponse answer) {
        return switch (type) {
            case TRUNCATED_JSON -> new ApiResponse(200, ApiResponse.JSON,
                    Arrays.copyOf(answer.body(), Math.max(1, answer.body().length / 2)), false);
            case INVALID_JSON -> new ApiResponse(200, ApiResponse.JSON,
                    "{\"kind\": \"calendar#events\", \"items\": [ {oops".getBytes(StandardCharsets.UTF_8), false);
            case HTML_PAGE -> new ApiResponse(200, "text/html; charset=UTF-8",
                    "<!DOCTYPE html><html><head><title>Sign in to the network</title></head><body><form>Log in</form></body></html>"
                            .getBytes(StandardCharsets.UTF_8), false);
            case MISSING_FIELDS, UNKNOWN_ENUM_VALUES, HUGE_DESCRIPTIONS -> json(type, answer);
            default -> answer;
        };
    }

    private static ApiResponse json(FaultType type, ApiResponse answer) {
        if (answer.body().length == 0) return answer;
        ObjectNode object = Json.parseObject(answer.body());
        ArrayNode items = object.has("items") && object.get("items").isArray() ? (ArrayNode) object.get("items") : null;
        if (items == null) {
            // A single event (get, insert, update): treat it as the only item.
            items = Json.array().add(object);
        }
        if (type == FaultType.MISSING_FIELDS && items.isEmpty() && object.has("items")) {
            items.addObject().put("kind", "calendar#event").put("id", "brokenevent00001").put("status", "confirmed");
        }
        for (JsonNode item : items) {
            if (!(item instanceof ObjectNode event)) continue;
            switch (type) {
                case MISSING_FIELDS -> {
                    event.remove("start");
                    event.remove("end");
                }
                case UNKNOWN_ENUM_VALUES -> {
                    event.put("eventType", "focusTimeExperimental");
                    event.put("transparency", "semiOpaque");
                    event.put("visibility", "friendsOnly");
                    event.putObject("newFeature").put("enabled", true).putArray("values").add(1).add("two");
                    ArrayNode attendees = event.putArray("attendees");
                    attendees.addObject().put("email", "someone@example.com").put("responseStatus", "maybeLater");
                }
                case HUGE_DESCRIPTIONS -> {
                    event.put("description", "x".repeat(HUGE));
                    event.put("summary", "y".repeat(10_000));
                }
                default -> { }
            }
        }
        return ApiResponse.json(answer.status(), object);
    }
}
