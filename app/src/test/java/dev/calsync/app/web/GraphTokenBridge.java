package dev.calsync.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.calsync.emulator.graph.GraphEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test-only Microsoft identity platform in front of mock-oauth2-server: {@code /authorize} and {@code /token}
 * below one authority URL, as the app expects them. It forwards to the mock server unchanged and, in each token
 * answer, swaps the access token for the Graph emulator's token of the mailbox named by the subject (who signed in
 * at the mock server's login page), since the emulator accepts one fixed token per mailbox. Every request is
 * recorded; {@link #refuseRefreshes()} makes refreshes answer {@code invalid_grant}, as for a revoked grant.
 */
final class GraphTokenBridge implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private final AtomicBoolean refuseRefreshes = new AtomicBoolean();

    GraphTokenBridge(URI authorizationEndpoint, URI tokenEndpoint, GraphEmulator graph) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/authorize", exchange -> {
            try (exchange) {
                String query = exchange.getRequestURI().getRawQuery();
                authorizations.add(form(query));
                // mock-oauth2-server insists on openid, which the identity platform does not: added on the way.
                String upstream = query.replaceFirst("(^|&)scope=", "$1scope=openid%20");
                exchange.getResponseHeaders().add("Location", authorizationEndpoint + "?" + upstream);
                exchange.sendResponseHeaders(302, -1);
            }
        });
        server.createContext("/token", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> form = form(body);
                tokenRequests.add(form);
                if (refuseRefreshes.get() && "refresh_token".equals(form.get("grant_type"))) {
                    answer(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008\"}");
                    return;
                }
                HttpResponse<String> upstream = forward(tokenEndpoint, exchange, body);
                if (upstream.statusCode() != 200) {
                    answer(exchange, upstream.statusCode(), upstream.body());
                    return;
                }
                ObjectNode grant = (ObjectNode) JSON.readTree(upstream.body());
                grant.put("access_token", graph.tokenOf(EmulatorTokenBridge.subjectOf(grant.path("access_token").asText())));
                answer(exchange, 200, JSON.writeValueAsString(grant));
            }
        });
        server.start();
    }

    /** What the app puts in front of {@code authorize} and {@code token}: {@code microsoft.authorityUrl}. */
    String authorityUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    List<Map<String, String>> authorizations() {
        return authorizations;
    }

    List<Map<String, String>> tokenRequests() {
        return tokenRequests;
    }

    void refuseRefreshes() {
        refuseRefreshes.set(true);
    }

    private HttpResponse<String> forward(URI tokenEndpoint, HttpExchange exchange, String body) throws IOException {
        HttpRequest.Builder forward = HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            forward.header("Authorization", authorization);
        }
        try {
            return http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded != null) {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
