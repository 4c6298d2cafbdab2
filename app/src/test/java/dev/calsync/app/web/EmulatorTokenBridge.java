package dev.calsync.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.calsync.emulator.GoogleCalendarEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Test-only token endpoint in front of mock-oauth2-server's: it forwards each request unchanged and, before handing
 * the answer back, teaches the emulator the issued access token for the emulator account named by the token's
 * subject (who signed in at the mock server's login page). So the app runs the real authorization-code and refresh
 * flows, and the emulator, which has no OAuth of its own, accepts the tokens they produce.
 */
final class EmulatorTokenBridge implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    EmulatorTokenBridge(URI upstream, GoogleCalendarEmulator emulator) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> {
            byte[] form = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder forward = HttpRequest.newBuilder(upstream)
                    .header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form));
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                forward.header("Authorization", authorization);
            }
            HttpResponse<String> answer;
            try {
                answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            if (answer.statusCode() == 200) {
                String accessToken = JSON.readTree(answer.body()).path("access_token").asText();
                emulator.addAccount(subjectOf(accessToken), accessToken);
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.statusCode(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String tokenUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The {@code sub} claim of a JWT access token (read, not verified: the test's own issuer signed it). */
    static String subjectOf(String jwt) throws IOException {
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return claims.path("sub").asText();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
