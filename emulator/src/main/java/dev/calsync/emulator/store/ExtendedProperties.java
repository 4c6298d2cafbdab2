package dev.calsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.EmulatorApiException;
import dev.calsync.emulator.Json;

import java.util.Iterator;
import java.util.Map;

/** Google's extendedProperties limits: long keys dropped and long values truncated silently; too many or too big → 400. */
final class ExtendedProperties {
    static final int MAX_KEY = 44;
    static final int MAX_VALUE = 1024;
    static final int MAX_COUNT = 300;
    static final int MAX_TOTAL_CHARS = 32 * 1024;

    private ExtendedProperties() {}

    static ObjectNode limit(JsonNode input) {
        if (!input.isObject()) throw EmulatorApiException.invalid("Invalid extendedProperties.");
        ObjectNode out = Json.object();
        int count = 0;
        long total = 0;
        for (String scope : new String[] {"private", "shared"}) {
            JsonNode props = input.get(scope);
            if (props == null || props.isNull()) continue;
            if (!props.isObject()) throw EmulatorApiException.invalid("Invalid extendedProperties." + scope + ".");
            ObjectNode limited = out.putObject(scope);
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().length() > MAX_KEY || e.getValue().isNull()) continue;
                String value = e.getValue().asText();
                if (value.length() > MAX_VALUE) value = value.substring(0, MAX_VALUE);
                limited.put(e.getKey(), value);
                count++;
                total += e.getKey().length() + value.length();
            }
        }
        if (count > MAX_COUNT) throw EmulatorApiException.invalid("Too many extended properties.");
        if (total > MAX_TOTAL_CHARS) throw EmulatorApiException.invalid("Extended properties are too large.");
        return out;
    }

    static boolean matches(JsonNode eventJson, String scope, String key, String value) {
        JsonNode v = eventJson.path("extendedProperties").path(scope).get(key);
        return v != null && v.asText().equals(value);
    }
}
