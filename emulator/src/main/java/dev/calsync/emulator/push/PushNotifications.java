package dev.calsync.emulator.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.EmulatorApiException;
import dev.calsync.emulator.Json;
import dev.calsync.emulator.store.EmulatorContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * events.watch channels and the web-hook notifications they deliver: {@code sync} right after watch, then
 * {@code exists} after every change of the calendar, until the channel expires or is stopped.
 * Delivery is asynchronous (the API call never waits for it). Unlike Google, http:// addresses are allowed so
 * tests can listen locally; Google requires https with a valid certificate.
 */
public final class PushNotifications implements AutoCloseable {
    public static final long DEFAULT_TTL_SECONDS = 604_800;
    private static final int MAX_RECORDED = 10_000;

    private final EmulatorContext context;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Map<String, List<Channel>> channelsByCalendar = new ConcurrentHashMap<>();
    private final Deque<DeliveredNotification> delivered = new ConcurrentLinkedDeque<>();
    private final AtomicInteger recorded = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final ExecutorService executor;
    private final HttpClient http;
    private volatile Delivery delivery = this::overHttp;
    private volatile boolean syncBeforeWatchAnswer;
    /** Changes of one channel within this many milliseconds of its first unsent one make one notification. */
    private volatile long mergeWindowMillis;
    private final AtomicLong merged = new AtomicLong();

    public PushNotifications(EmulatorContext context) {
        this.context = context;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "emulator-push-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Where a notification goes: its channel's address and Google's headers; completes with the HTTP status. */
    @FunctionalInterface
    public interface Delivery {
        java.util.concurrent.CompletableFuture<Integer> post(String address, Map<String, String> headers);
    }

    /**
     * Hands notifications to {@code delivery} instead of POSTing them (a benchmark's in-process webhook); each
     * channel's notifications still go one after the other, in order.
     */
    public void setDelivery(Delivery delivery) {
        this.delivery = delivery;
    }

    /** events.watch; the body is Google's channel resource. Returns the channel resource Google answers with. */
    public ObjectNode watch(String accountId, String calendarId, String resourceUri, ObjectNode body) {
        String id = Json.text(body, "id");
        String type = Json.text(body, "type");
        String address = Json.text(body, "address");
        String token = Json.text(body, "token");
        if (id == null || id.isBlank()) throw EmulatorApiException.required("Required channel id.");
        if (id.length() > 64) throw EmulatorApiException.invalid("Channel id must be at most 64 characters.");
        if (!"web_hook".equals(type) && !"webhook".equals(type)) throw EmulatorApiException.invalid("Invalid channel type.");
        if (address == null || !(address.startsWith("https://") || address.startsWith("http://"))) {
            throw EmulatorApiException.invalid("WebHook callback must be HTTPS: " + address);
        }
        if (token != null && token.length() > 256) throw EmulatorApiException.invalid("Channel token must be at most 256 characters.");
        long now = context.now();
        long expiration = now + ttlSeconds(body) * 1000;
        if (body.hasNonNull("expiration")) expiration = Math.min(expiration, body.get("expiration").asLong());
        Channel channel = new Channel(id, resourceIdFor(calendarId), resourceUri, token, address, expiration, calendarId, accountId);
        if (channels.putIfAbsent(id, channel) != null) throw EmulatorApiException.badRequest("channelIdNotUnique", "Channel id not unique");
        channelsByCalendar.computeIfAbsent(calendarId, c -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(channel);
        deliver(channel, "sync");
        if (syncBeforeWatchAnswer) {
            awaitDelivery(channel);
        }
        ObjectNode out = Json.object();
        out.put("kind", "api#channel");
        out.put("id", id);
        out.put("resourceId", channel.resourceId);
        out.put("resourceUri", resourceUri);
        if (token != null) out.put("token", token);
        out.put("expiration", Long.toString(expiration));
        return out;
    }

    /**
     * Google may deliver a channel's {@code sync} message before the client has the answer to its watch call. With
     * this on, watch answers only once that message was delivered, so a client that files the channel after the
     * answer always meets it too early: the worst case, every time.
     */
    public void setSyncBeforeWatchAnswer(boolean on) {
        syncBeforeWatchAnswer = on;
    }

    private static void awaitDelivery(Channel channel) {
        java.util.concurrent.CompletableFuture<Void> tail;
        synchronized (channel) {
            tail = channel.tail;
        }
        try {
            tail.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Delivery failures are recorded with the notification; watch answers regardless.
        }
    }

    /** channels.stop: 404 unless the caller's account owns a channel with this id and resourceId. */
    public void stop(String accountId, ObjectNode body) {
        String id = Json.text(body, "id");
        String resourceId = Json.text(body, "resourceId");
        Channel channel = id == null ? null : channels.get(id);
        if (channel == null || !channel.accountId.equals(accountId) || (resourceId != null && !resourceId.equals(channel.resourceId))) {
            throw EmulatorApiException.notFound();
        }
        remove(channel);
    }

    /**
     * Google may merge notifications: with a merge window, a channel's change is not notified at once; every change
     * of the channel until the window (counted from the first of them) ends shares one {@code exists} message, sent
     * by {@link #deliverDue()} once the emulator's clock has passed the window. Zero (the default) notifies each
     * change at once.
     */
    public void setMergeWindow(Duration window) {
        mergeWindowMillis = window.toMillis();
    }

    /** Changes that shared a notification with an earlier change of their channel. */
    public long merged() { return merged.get(); }

    /** The end of the earliest merge window still holding a notification back, or null when none does. */
    public Instant nextMergedDue() {
        long earliest = Long.MAX_VALUE;
        for (Channel c : channels.values()) {
            long due = c.mergedDueMillis;
            if (due > 0 && due < earliest) earliest = due;
        }
        return earliest == Long.MAX_VALUE ? null : Instant.ofEpochMilli(earliest);
    }

    /** Sends every merged notification whose window has ended by the emulator's clock. */
    public void deliverDue() {
        long now = context.now();
        for (Channel c : channels.values()) {
            synchronized (c) {
                if (c.mergedDueMillis > 0 && c.mergedDueMillis <= now) {
                    c.mergedDueMillis = 0;
                    deliver(c, "exists");
                }
            }
        }
    }

    /** Called after every change of a calendar. */
    public void calendarChanged(String calendarId) {
        List<Channel> list = channelsByCalendar.get(calendarId);
        if (list == null) return;
        long now = context.now();
        long window = mergeWindowMillis;
        for (Channel c : list) {
            if (now > c.expirationMillis) remove(c); // expired channels never deliver again
            else if (window <= 0) deliver(c, "exists");
            else {
                synchronized (c) {
                    if (c.mergedDueMillis > 0) merged.incrementAndGet();
                    else c.mergedDueMillis = now + window;
                }
            }
        }
    }

    private void deliver(Channel c, String state) {
        synchronized (c) {
            long number = c.messageNumber.incrementAndGet();
            sent.incrementAndGet();
            c.tail = c.tail.thenCompose(ignored -> send(c, state, number));
        }
    }

    private java.util.concurrent.CompletableFuture<Void> send(Channel c, String state, long number) {
        if (c.stopped) return java.util.concurrent.CompletableFuture.completedFuture(null);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Goog-Channel-ID", c.id);
        headers.put("X-Goog-Channel-Expiration", DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(c.expirationMillis).atOffset(ZoneOffset.UTC)));
        headers.put("X-Goog-Resource-ID", c.resourceId);
        headers.put("X-Goog-Resource-URI", c.resourceUri);
        headers.put("X-Goog-Resource-State", state);
        headers.put("X-Goog-Message-Number", Long.toString(number));
        if (c.token != null) headers.put("X-Goog-Channel-Token", c.token);
        return delivery.post(c.address, headers)
                .handle((status, err) -> {
                    record(new DeliveredNotification(c.id, c.resourceId, state, number, c.token, c.address,
                            err == null ? status : -1, Instant.ofEpochMilli(context.now())));
                    return null;
                });
    }

    /** A notification POSTed over HTTP, as Google sends it. */
    private java.util.concurrent.CompletableFuture<Integer> overHttp(String address, Map<String, String> headers) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(address))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(req::header);
        return http.sendAsync(req.build(), HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private void record(DeliveredNotification n) {
        delivered.addLast(n);
        if (recorded.incrementAndGet() > MAX_RECORDED) {
            delivered.pollFirst();
            recorded.decrementAndGet();
        }
    }

    private void remove(Channel c) {
        c.stopped = true;
        channels.remove(c.id, c);
        List<Channel> list = channelsByCalendar.get(c.calendarId);
        if (list != null) list.remove(c);
    }

    private static long ttlSeconds(ObjectNode body) {
        String ttl = body.path("params").path("ttl").asText(null);
        if (ttl == null) return DEFAULT_TTL_SECONDS;
        try {
            long v = Long.parseLong(ttl);
            if (v <= 0) throw EmulatorApiException.invalid("Invalid ttl.");
            return v;
        } catch (NumberFormatException e) {
            throw EmulatorApiException.invalid("Invalid ttl.");
        }
    }

    /** Google's resourceId identifies the watched collection: stable per calendar, opaque. */
    static String resourceIdFor(String calendarId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("events:" + calendarId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 14);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Notifications triggered so far (each is POSTed asynchronously; see {@link #delivered()} for outcomes). */
    public long sent() { return sent.get(); }

    /** The most recent notifications (up to 10,000), oldest first, with the HTTP status each got. */
    public List<DeliveredNotification> delivered() { return new ArrayList<>(delivered); }

    public List<DeliveredNotification> deliveredTo(String channelId) {
        return delivered.stream().filter(n -> n.channelId().equals(channelId)).toList();
    }

    public int activeChannels() {
        long now = context.now();
        return (int) channels.values().stream().filter(c -> now <= c.expirationMillis).count();
    }

    public void clearDelivered() {
        delivered.clear();
        recorded.set(0);
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("sent", sent());
        n.put("activeChannels", activeChannels());
        ArrayNode items = n.putArray("delivered");
        for (DeliveredNotification d : delivered) {
            ObjectNode i = items.addObject();
            i.put("channelId", d.channelId());
            i.put("resourceId", d.resourceId());
            i.put("resourceState", d.resourceState());
            i.put("messageNumber", d.messageNumber());
            i.put("address", d.address());
            i.put("httpStatus", d.httpStatus());
            i.put("sentAt", d.sentAt().toString());
        }
        return n;
    }

    @Override
    public void close() { executor.shutdownNow(); }
}
