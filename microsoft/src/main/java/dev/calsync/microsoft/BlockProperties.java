package dev.calsync.microsoft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a block keeps what only calsync reads: two {@code singleValueExtendedProperties} in one fixed GUID
 * namespace. The marker (core's marker map, the block's key included) is one property whose value is the map as
 * JSON with sorted keys, so the same block always has the same value and can be found with an exact
 * {@code $filter}; the {@link WrittenForm} is the other. Graph returns them only when asked ({@code $expand}),
 * and never in delta answers.
 */
final class BlockProperties {
    static final String NAMESPACE = "{84baeb0e-c2c0-4224-a682-bcd1ccd061fb}";
    static final String MARKER = "String " + NAMESPACE + " Name calsync";
    static final String WRITTEN = "String " + NAMESPACE + " Name calsync-written";
    /** The query option that makes Graph include both properties (where the event has them). */
    static final String EXPAND = "singleValueExtendedProperties($filter=id eq '" + MARKER + "' or id eq '"
            + WRITTEN + "')";
    /** Every event that carries a marker: calsync's blocks (of any group) in a calendar. */
    static final String ALL_BLOCKS = "singleValueExtendedProperties/Any(ep: ep/id eq '" + MARKER + "')";

    private BlockProperties() {
    }

    /** The marker's value: its entries as JSON with sorted keys. */
    static String markerValue(Map<String, String> marker) {
        try {
            return GraphHttp.JSON.writeValueAsString(new TreeMap<>(marker));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a marker", e);
        }
    }

    /** The blocks whose marker is exactly this one (at most one, unless someone copied a block by hand). */
    static String withMarker(String markerValue) {
        return "singleValueExtendedProperties/Any(ep: ep/id eq '" + MARKER + "' and ep/value eq '"
                + markerValue.replace("'", "''") + "')";
    }

    static ArrayNode of(String markerValue, WrittenForm written) {
        ArrayNode properties = GraphHttp.JSON.createArrayNode();
        properties.addObject().put("id", MARKER).put("value", markerValue);
        properties.addObject().put("id", WRITTEN).put("value", written.toJson());
        return properties;
    }

    /** The marker of an event read with {@link #EXPAND}; empty when it has none or it is unreadable. */
    static Map<String, String> marker(JsonNode event) {
        return value(event, MARKER).map(BlockProperties::decode).orElse(Map.of());
    }

    static Optional<WrittenForm> written(JsonNode event) {
        return value(event, WRITTEN).map(WrittenForm::fromJson);
    }

    private static Optional<String> value(JsonNode event, String id) {
        for (JsonNode property : event.path("singleValueExtendedProperties")) {
            // Exchange may answer the id in another case than it was written.
            if (id.equalsIgnoreCase(property.path("id").asText()) && property.path("value").isTextual()) {
                return Optional.of(property.path("value").asText());
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> decode(String value) {
        try {
            Map<String, String> marker = new HashMap<>();
            GraphHttp.JSON.readTree(value).fields().forEachRemaining(entry -> {
                if (entry.getValue().isTextual()) {
                    marker.put(entry.getKey(), entry.getValue().asText());
                }
            });
            return marker;
        } catch (JsonProcessingException | RuntimeException unreadable) {
            return Map.of(); // not our format: not a marker
        }
    }
}
