package dev.calsync.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The web hook the emulator POSTs notifications to: checks the channel token (an HMAC of the channel id), answers
 * 200 at once and queues the notification for the benchmark's debouncer. Notifications carry no body.
 */
final class PushReceiver implements AutoCloseable {
    record Notification(String channelId, String state, long receivedNanos) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] secret;
    private final ConcurrentLinkedQueue<Notification> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    PushReceiver(long seed) {
        this.secret = ("calsync-bench-" + seed).getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-webhook");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/notify", this::handle);
        server.start();
    }

    String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    String tokenFor(String channelId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(channelId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            String channel = exchange.getRequestHeaders().getFirst("X-Goog-Channel-ID");
            String token = exchange.getRequestHeaders().getFirst("X-Goog-Channel-Token");
            String state = exchange.getRequestHeaders().getFirst("X-Goog-Resource-State");
            if (channel == null || token == null || !java.security.MessageDigest.isEqual(
                    tokenFor(channel).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII))) {
                rejected.incrementAndGet();
                exchange.sendResponseHeaders(403, -1);
            } else {
                queue.add(new Notification(channel, state, System.nanoTime()));
                exchange.sendResponseHeaders(200, -1);
            }
        } finally {
            handled.incrementAndGet();
        }
    }

    /**
     * Waits (really, not in simulated time) until every notification the emulator has sent so far has been
     * answered, so what follows is decided on a complete, deterministic set of notifications.
     */
    void awaitAll(LongSupplier sent) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (handled.get() < sent.getAsLong()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("push notifications not delivered within 60 s: " + handled.get()
                        + " of " + sent.getAsLong());
            }
            try {
                Thread.sleep(0, 200_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    Notification poll() {
        return queue.poll();
    }

    long rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
