package dev.calsync.emulator.graph.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.GraphError;
import dev.calsync.emulator.graph.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/** An answer: status, body and headers; {@code dropConnection}: close the connection without answering at all. */
public record GraphResponse(int status, String contentType, byte[] body, Map<String, String> headers, boolean dropConnection) {
    static final String JSON = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";

    public static GraphResponse json(int status, JsonNode node) { return new GraphResponse(status, JSON, Json.bytes(node), Map.of(), false); }

    public static GraphResponse noContent() { return new GraphResponse(204, null, new byte[0], Map.of(), false); }

    public static GraphResponse drop() { return new GraphResponse(0, null, new byte[0], Map.of(), true); }

    /** Graph's error body: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}. */
    public static GraphResponse error(GraphError e) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("code", e.code());
        error.put("message", e.getMessage());
        ObjectNode inner = error.putObject("innerError");
        inner.put("date", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace("Z", ""));
        String requestId = java.util.UUID.randomUUID().toString();
        inner.put("request-id", requestId);
        inner.put("client-request-id", requestId);
        return json(e.status(), root).withHeaders(e.headers());
    }

    public GraphResponse withHeaders(Map<String, String> more) {
        if (more.isEmpty()) return this;
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.putAll(more);
        return new GraphResponse(status, contentType, body, h, dropConnection);
    }

    public boolean ok() { return status >= 200 && status < 300; }
}
