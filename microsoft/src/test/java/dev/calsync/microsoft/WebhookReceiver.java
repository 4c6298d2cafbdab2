package dev.calsync.microsoft;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.calsync.core.push.Notification;
import dev.calsync.core.push.Verification;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A webhook for the Graph emulator to post to, answering as calsync's does: every request goes through
 * {@code verify}; a handshake is answered 200 text/plain with its reply, signals 202, a refusal 403.
 */
final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final Function<Notification, Verification> verify;
    private final List<Verification> received = new CopyOnWriteArrayList<>();

    WebhookReceiver(Function<Notification, Verification> verify) throws IOException {
        this.verify = verify;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/microsoft";
    }

    /** What every request turned out to be, in order of arrival. */
    List<Verification> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            Verification verification = verify.apply(new Notification(headers, query(exchange), body));
            received.add(verification);
            if (verification instanceof Verification.Handshake handshake) {
                byte[] reply = handshake.reply().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, reply.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply);
                }
            } else {
                exchange.sendResponseHeaders(verification instanceof Verification.Signals ? 202 : 403, -1);
            }
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
