package dev.calsync.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** One shared ObjectMapper plus the few helpers the emulator needs. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static ObjectNode object() { return MAPPER.createObjectNode(); }
    public static ArrayNode array() { return MAPPER.createArrayNode(); }

    /** Parses a request body; Google answers unparseable JSON with 400 parseError. */
    public static ObjectNode parseObject(byte[] body) {
        if (body == null || body.length == 0) return object();
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode() || node.isNull()) return object();
            if (!node.isObject()) throw EmulatorApiException.badRequest("parseError", "Parse Error");
            return (ObjectNode) node;
        } catch (IOException e) {
            throw EmulatorApiException.badRequest("parseError", "Parse Error");
        }
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
