package dev.calsync.emulator.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** One shared ObjectMapper and the few helpers the Graph emulator needs. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static ObjectNode object() { return MAPPER.createObjectNode(); }

    public static ArrayNode array() { return MAPPER.createArrayNode(); }

    /** Parses a request body; Graph answers an unreadable one with 400 BadRequest. */
    public static ObjectNode parseObject(byte[] body) {
        if (body == null || body.length == 0) return object();
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode() || node.isNull()) return object();
            if (node.isObject()) return (ObjectNode) node;
        } catch (IOException e) {
            // answered below, like a body that is JSON but no object
        }
        throw GraphError.badRequest("BadRequest",
                "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
    }

    public static ObjectNode parseObject(String json) { return parseObject(json.getBytes(StandardCharsets.UTF_8)); }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
