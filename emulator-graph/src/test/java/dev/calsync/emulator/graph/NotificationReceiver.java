package dev.calsync.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny webhook receiver as a Graph subscriber runs one: answers the validation request by echoing the decoded
 * token as text/plain (unless told to misbehave) and acknowledges notifications with 202.
 */
final class NotificationReceiver implements AutoCloseable {
    enum Validation { ECHO, WRONG_TOKEN, NOT_FOUND }

    private final HttpServer server;
    private final List<String> validationTokens = new CopyOnWriteArrayList<>();
    private final List<JsonNode> notifications = new CopyOnWriteArrayList<>();
    private volatile Validation validation = Validation.ECHO;
    private final AtomicInteger failuresLeft = new AtomicInteger();

    NotificationReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) { return "http://127.0.0.1:" + server.getAddress().getPort() + path; }

    void answerValidation(Validation v) { validation = v; }

    /** The next {@code n} notification POSTs are answered 500 and not recorded. */
    void failNextNotifications(int n) { failuresLeft.set(n); }

    List<String> validationTokens() { return validationTokens; }

    /** Every notification item received, in order, from all POSTed collections. */
    List<JsonNode> notifications() { return notifications; }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null && query.startsWith("validationToken=")) {
                String token = URLDecoder.decode(query.substring("validationToken=".length()), StandardCharsets.UTF_8);
                validationTokens.add(token);
                if (validation == Validation.NOT_FOUND) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] answer = (validation == Validation.ECHO ? token : "nope").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
                return;
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            GraphClient.JSON.readTree(body).path("value").forEach(notifications::add);
            exchange.sendResponseHeaders(202, -1);
        }
    }

    @Override
    public void close() { server.stop(0); }
}
