package dev.calsync.emulator.graph.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.FaultType;
import dev.calsync.emulator.graph.Json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Turns a successful answer into the broken or surprising ones services send now and then. */
final class MalformedAnswers {
    private MalformedAnswers() {}

    static GraphResponse mangle(FaultType type, GraphResponse answer) {
        return switch (type) {
            case TRUNCATED_JSON -> new GraphResponse(answer.status(), GraphResponse.JSON,
                    Arrays.copyOf(answer.body(), Math.max(1, answer.body().length / 2)), answer.headers(), false);
            case INVALID_JSON -> new GraphResponse(answer.status(), GraphResponse.JSON,
                    "{\"@odata.context\": \"$metadata#Collection(event)\", \"value\": [ {oops".getBytes(StandardCharsets.UTF_8), answer.headers(), false);
            case HTML_PAGE -> new GraphResponse(200, "text/html; charset=utf-8",
                    "<!DOCTYPE html><html><head><title>Sign in to the network</title></head><body><form>Log in</form></body></html>"
                            .getBytes(StandardCharsets.UTF_8), Map.of(), false);
            case MISSING_FIELDS, UNKNOWN_ENUM_VALUES -> json(type, answer);
            default -> answer;
        };
    }

    private static GraphResponse json(FaultType type, GraphResponse answer) {
        if (answer.body().length == 0) return answer;
        ObjectNode object = Json.parseObject(answer.body());
        ArrayNode items = object.path("value").isArray() ? (ArrayNode) object.get("value") : Json.array().add(object);
        for (JsonNode item : items) {
            if (!(item instanceof ObjectNode event) || event.has("@removed")) continue;
            if (type == FaultType.MISSING_FIELDS) {
                event.remove("start");
                event.remove("end");
            } else {
                event.put("showAs", "focusTime");
                event.put("sensitivity", "topSecret");
                event.put("type", "seriesException");
                event.putObject("responseStatus").put("response", "maybeLater").put("time", "2030-01-01T00:00:00Z");
                event.putObject("newFeature").put("enabled", true).putArray("values").add(1).add("two");
            }
        }
        return new GraphResponse(answer.status(), GraphResponse.JSON, Json.bytes(object), answer.headers(), false);
    }
}
