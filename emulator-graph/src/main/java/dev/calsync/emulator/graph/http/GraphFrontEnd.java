package dev.calsync.emulator.graph.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.calsync.emulator.graph.Faults;
import dev.calsync.emulator.graph.GraphError;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The HTTP side: turns exchanges below a mount point into {@link GraphRequest}s and answers them. */
public final class GraphFrontEnd implements HttpHandler {
    private final String prefix;
    private final Function<GraphRequest, GraphResponse> handler;
    private final Faults faults;

    private GraphFrontEnd(String prefix, Function<GraphRequest, GraphResponse> handler, Faults faults) {
        this.prefix = prefix;
        this.handler = handler;
        this.faults = faults;
    }

    /** The Graph API below {@code prefix} (e.g. "/graph/v1.0/"), with injected latency. */
    public static GraphFrontEnd api(String prefix, GraphApi api, Faults faults) { return new GraphFrontEnd(prefix, api::handle, faults); }

    /** The unauthenticated control API below {@code prefix}. */
    public static GraphFrontEnd control(String prefix, ControlApi control) { return new GraphFrontEnd(prefix, control::handle, null); }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> headers = headers(exchange);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String host = headers.getOrDefault("host", "127.0.0.1:" + exchange.getLocalAddress().getPort());
            String relative = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
            GraphRequest request = GraphRequest.of(exchange.getRequestMethod(), relative, exchange.getRequestURI().getRawQuery(),
                    headers, body, "http://" + host + prefix);
            if (faults != null && faults.latencyMillis() > 0) Thread.sleep(faults.latencyMillis());
            send(exchange, handler.apply(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A bug in the emulator must look like a Graph server error to the client, not hang it.
            send(exchange, GraphResponse.error(new GraphError(500, "generalException", "An unspecified error has occurred: " + e)));
        }
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> h = new HashMap<>();
        for (Map.Entry<String, List<String>> e : exchange.getRequestHeaders().entrySet()) {
            if (!e.getValue().isEmpty()) h.put(e.getKey().toLowerCase(Locale.ROOT), String.join(",", e.getValue()));
        }
        return h;
    }

    private static void send(HttpExchange exchange, GraphResponse r) throws IOException {
        // Returning without sending headers makes the JDK server close the socket: the client gets no answer.
        if (r.dropConnection()) return;
        r.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (r.contentType() != null) exchange.getResponseHeaders().set("Content-Type", r.contentType());
        if (r.status() == 204 || r.body().length == 0) {
            exchange.sendResponseHeaders(r.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(r.status(), r.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(r.body());
        }
    }
}
