package dev.calsync.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain Graph client for the tests: java.net.http plus Jackson, one bearer token, real HTTP. */
final class GraphClient {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer; {@code json} is null when the body is not JSON. */
    record Answer(int status, HttpResponse<String> raw, JsonNode json) {
        String header(String name) { return raw.headers().firstValue(name).orElse(null); }

        String errorCode() { return json == null ? null : json.path("error").path("code").asText(null); }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String root;
    private final String token;
    private final Map<String, String> headers = new LinkedHashMap<>();

    GraphClient(String root, String token) {
        this.root = root;
        this.token = token;
    }

    GraphClient prefer(String value) {
        headers.put("Prefer", value);
        return this;
    }

    Answer get(String pathOrUrl) { return send("GET", pathOrUrl, null); }

    Answer post(String path, JsonNode body) { return send("POST", path, body); }

    Answer patch(String path, JsonNode body) { return send("PATCH", path, body); }

    Answer delete(String path) { return send("DELETE", path, null); }

    /** Sends; a path is relative to the service root, a full URL (a nextLink) is used as it is. */
    Answer send(String method, String pathOrUrl, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : root + pathOrUrl))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null) b.header("Content-Type", "application/json");
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r, parse(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isEmpty()) return null;
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
