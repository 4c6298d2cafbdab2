package dev.calsync.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.calsync.core.push.Notification;
import dev.calsync.emulator.push.PushNotifications;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The web hook the emulator's notifications go to: answers 200 at once and queues each notification as received,
 * for the benchmark to hand to the service's intake in order, on its own thread (so what follows from them, in
 * simulated time, does not depend on thread timing). Notifications carry no body. By default they are handed over in
 * memory ({@link #take}), with the headers Google sends; with {@code -Dcalsync.bench.http=socket} the emulator POSTs
 * them over loopback HTTP, as to the service's webhook.
 */
final class PushReceiver implements AutoCloseable {
    private static final String IN_PROCESS_ADDRESS = "http://127.0.0.1/webhooks/google";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<Notification> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong handled = new AtomicLong();

    /** @param sockets whether notifications arrive over HTTP (else only through {@link #take}) */
    PushReceiver(boolean sockets) {
        if (!sockets) {
            server = null;
            executor = null;
            return;
        }
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
        server.createContext("/webhooks/google", this::handle);
        server.start();
    }

    String address() {
        return server == null ? IN_PROCESS_ADDRESS
                : "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/google";
    }

    /** A notification handed over in memory ({@link PushNotifications.Delivery}): queued, and answered 200. */
    CompletableFuture<Integer> take(String address, Map<String, String> headers) {
        queue.add(Notification.ofHeaders(headers));
        handled.incrementAndGet();
        return CompletableFuture.completedFuture(200);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            queue.add(Notification.ofHeaders(headers));
            exchange.sendResponseHeaders(200, -1);
        } finally {
            handled.incrementAndGet();
        }
    }

    /**
     * Waits (really, not in simulated time) until every notification the emulator has sent so far has been
     * answered, so what follows is decided on a complete, deterministic set of notifications.
     */
    void awaitAll(LongSupplier sent) {
        // A deadline on progress, not on the whole drain: a big batch's first sync sends tens of thousands at once.
        long deadline = System.nanoTime() + 60_000_000_000L;
        long seen = handled.get();
        while (handled.get() < sent.getAsLong()) {
            if (handled.get() > seen) {
                seen = handled.get();
                deadline = System.nanoTime() + 60_000_000_000L;
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("push notifications stopped arriving for 60 s: " + handled.get()
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

    /** The oldest notification not taken yet, or null. */
    Notification poll() {
        return queue.poll();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
