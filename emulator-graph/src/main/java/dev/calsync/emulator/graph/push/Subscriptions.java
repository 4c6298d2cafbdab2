package dev.calsync.emulator.graph.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.GraphError;
import dev.calsync.emulator.graph.Json;
import dev.calsync.emulator.graph.store.CalendarStore;
import dev.calsync.emulator.graph.store.EventTime;
import dev.calsync.emulator.graph.store.Mailbox;
import dev.calsync.emulator.graph.store.GraphContext;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph change-notification subscriptions on calendar events: the {@code validationToken} handshake when one is
 * created (200 text/plain echo within 10 s, else 400), a notification POST for every change, renewal up to the
 * documented maximum, lifecycle notifications on demand. Unlike Graph, http:// URLs are allowed so tests can listen
 * locally; Graph requires https.
 */
public final class Subscriptions implements AutoCloseable {
    /**
     * Maximum lifetime of an Outlook event subscription (basic notifications): 10,080 minutes (under 7 days) in the
     * current subscription documentation; older versions of the page said 4,230 minutes.
     */
    public static final long DEFAULT_MAX_EXPIRY_MINUTES = 10_080;
    public static final String TENANT_ID = "7a3c5a4e-0e35-4c3a-9f5e-ca15ca15ca15";
    private static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted");
    private static final Set<String> LIFECYCLE_EVENTS = Set.of("reauthorizationRequired", "subscriptionRemoved", "missed");
    private static final Pattern RESOURCE = Pattern.compile(
            "^/?(?:me|users/([^/]+))/(?:(events)|calendar/events|calendars(?:/([^/()]+)|\\('([^']+)'\\))/events)$", Pattern.CASE_INSENSITIVE);
    private static final int MAX_RECORDED = 10_000;

    private final GraphContext context;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Deque<DeliveredNotification> delivered = new ConcurrentLinkedDeque<>();
    private final AtomicInteger recorded = new AtomicInteger();
    private final ExecutorService executor;
    private final HttpClient http;
    private volatile long maxExpiryMinutes = DEFAULT_MAX_EXPIRY_MINUTES;
    private volatile Duration validationTimeout = Duration.ofSeconds(10);
    private volatile Duration acknowledgeTimeout = Duration.ofSeconds(3);
    private volatile int deliveryAttempts = 3;
    private volatile Duration retryDelay = Duration.ofSeconds(1);

    public Subscriptions(GraphContext context) {
        this.context = context;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "graph-emulator-push-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
    }

    // --- API --------------------------------------------------------------------------------------------------

    /** POST /subscriptions: validates the endpoint(s) first, as Graph does, and creates nothing if that fails. */
    public ObjectNode create(Mailbox mailbox, ObjectNode body, String contextUrl) {
        Set<String> changeTypes = changeTypes(Json.text(body, "changeType"));
        String notificationUrl = url(Json.text(body, "notificationUrl"), "notificationUrl");
        String lifecycleUrl = Json.text(body, "lifecycleNotificationUrl");
        if (lifecycleUrl != null) url(lifecycleUrl, "lifecycleNotificationUrl");
        String resource = Json.text(body, "resource");
        String calendarId = watchedCalendar(mailbox, resource);
        Instant expiration = expiration(Json.text(body, "expirationDateTime"), "Create");
        String clientState = Json.text(body, "clientState");
        if (clientState != null && clientState.length() > 128) {
            throw GraphError.badRequest("InvalidRequest", "clientState must be at most 128 characters.");
        }
        String id = UUID.randomUUID().toString();
        validate(id, notificationUrl);
        if (lifecycleUrl != null) validate(id, lifecycleUrl);
        Subscription s = new Subscription(id, mailbox.id(), mailbox.userId(), resource, calendarId, changeTypes, clientState,
                notificationUrl, lifecycleUrl, expiration);
        subscriptions.put(id, s);
        return s.toJson(contextUrl);
    }

    public ObjectNode get(Mailbox mailbox, String id, String contextUrl) { return owned(mailbox, id).toJson(contextUrl); }

    public ObjectNode list(Mailbox mailbox, String contextUrl) {
        ObjectNode out = Json.object();
        out.put("@odata.context", contextUrl);
        ArrayNode value = out.putArray("value");
        for (Subscription s : live()) {
            if (s.mailboxId.equals(mailbox.id())) value.add(s.toJson(contextUrl).without("@odata.context"));
        }
        return out;
    }

    /** PATCH /subscriptions/{id}: renews (and reauthorizes); a new notificationUrl is validated first. */
    public ObjectNode update(Mailbox mailbox, String id, ObjectNode body, String contextUrl) {
        Subscription s = owned(mailbox, id);
        String expiration = Json.text(body, "expirationDateTime");
        Instant newExpiration = expiration == null ? s.expiration : expiration(expiration, "Update");
        String url = Json.text(body, "notificationUrl");
        if (url != null) {
            validate(id, url(url, "notificationUrl"));
            s.notificationUrl = url;
        }
        s.expiration = newExpiration;
        s.paused = false;
        return s.toJson(contextUrl);
    }

    public void delete(Mailbox mailbox, String id) { remove(owned(mailbox, id)); }

    /** POST /subscriptions/{id}/reauthorize: resumes delivery after a reauthorizationRequired challenge. */
    public void reauthorize(Mailbox mailbox, String id) { owned(mailbox, id).paused = false; }

    /** Called after every stored change; sends a notification to each subscription that watches it. */
    public void changed(CalendarStore calendar, String changeType, String eventId) {
        for (Subscription s : live()) {
            if (!s.mailboxId.equals(calendar.owner().id()) || s.paused || !s.changeTypes.contains(changeType)) continue;
            if (s.calendarId != null && !s.calendarId.equals(calendar.id())) continue;
            String resource = "Users/" + s.userId + "/Events/" + eventId;
            ObjectNode n = Json.object();
            n.put("subscriptionId", s.id);
            n.put("subscriptionExpirationDateTime", EventTime.formatInstant(s.expiration));
            n.put("changeType", changeType);
            n.put("resource", resource);
            ObjectNode data = n.putObject("resourceData");
            data.put("@odata.type", "#Microsoft.Graph.Event");
            data.put("@odata.id", resource);
            data.put("id", eventId);
            if (s.clientState == null) n.putNull("clientState");
            else n.put("clientState", s.clientState);
            n.put("tenantId", TENANT_ID);
            deliver(s, s.notificationUrl, n, "change", changeType, null, eventId);
        }
    }

    /**
     * Sends a lifecycle notification ({@code reauthorizationRequired}, {@code subscriptionRemoved}, {@code missed}) to
     * the subscription's lifecycleNotificationUrl. reauthorizationRequired pauses change notifications until the
     * subscription is reauthorized or renewed (the worst case Graph allows); subscriptionRemoved removes it.
     *
     * @return false when the subscription has no lifecycleNotificationUrl (Graph sends nothing then)
     */
    public boolean lifecycle(String subscriptionId, String event) {
        if (!LIFECYCLE_EVENTS.contains(event)) throw new IllegalArgumentException("unknown lifecycle event: " + event);
        Subscription s = subscriptions.get(subscriptionId);
        if (s == null) throw new IllegalArgumentException("no subscription " + subscriptionId);
        if (event.equals("reauthorizationRequired")) s.paused = true;
        if (event.equals("subscriptionRemoved")) remove(s);
        if (s.lifecycleNotificationUrl == null) return false;
        ObjectNode n = Json.object();
        n.put("subscriptionId", s.id);
        n.put("subscriptionExpirationDateTime", EventTime.formatInstant(s.expiration));
        n.put("tenantId", TENANT_ID);
        if (s.clientState == null) n.putNull("clientState");
        else n.put("clientState", s.clientState);
        n.put("lifecycleEvent", event);
        deliver(s, s.lifecycleNotificationUrl, n, "lifecycle", null, event, null);
        return true;
    }

    // --- settings and inspection ------------------------------------------------------------------------------

    public void setMaxExpiryMinutes(long minutes) { this.maxExpiryMinutes = minutes; }

    public long maxExpiryMinutes() { return maxExpiryMinutes; }

    /** For tests of slow or failing receivers: Graph's 10 s handshake and 3 s acknowledgement, 3 tries 1 s apart. */
    public void setTimeouts(Duration validation, Duration acknowledge, int attempts, Duration retryDelay) {
        this.validationTimeout = validation;
        this.acknowledgeTimeout = acknowledge;
        this.deliveryAttempts = Math.max(1, attempts);
        this.retryDelay = retryDelay;
    }

    public List<String> activeSubscriptionIds() { return live().stream().map(s -> s.id).toList(); }

    public boolean isPaused(String subscriptionId) {
        Subscription s = subscriptions.get(subscriptionId);
        return s != null && s.paused;
    }

    public List<DeliveredNotification> delivered() { return new ArrayList<>(delivered); }

    public List<DeliveredNotification> deliveredTo(String subscriptionId) {
        return delivered.stream().filter(d -> d.subscriptionId().equals(subscriptionId)).toList();
    }

    public void clearDelivered() {
        delivered.clear();
        recorded.set(0);
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("maxExpiryMinutes", maxExpiryMinutes);
        ArrayNode active = n.putArray("subscriptions");
        for (Subscription s : live()) {
            active.addObject().put("id", s.id).put("mailboxId", s.mailboxId).put("resource", s.resource)
                    .put("expirationDateTime", EventTime.formatInstant(s.expiration)).put("paused", s.paused);
        }
        ArrayNode items = n.putArray("delivered");
        for (DeliveredNotification d : delivered) {
            ObjectNode i = items.addObject();
            i.put("subscriptionId", d.subscriptionId());
            i.put("kind", d.kind());
            if (d.changeType() != null) i.put("changeType", d.changeType());
            if (d.lifecycleEvent() != null) i.put("lifecycleEvent", d.lifecycleEvent());
            if (d.resourceId() != null) i.put("resourceId", d.resourceId());
            i.put("url", d.url());
            i.put("attempt", d.attempt());
            i.put("httpStatus", d.httpStatus());
            i.put("sentAt", d.sentAt().toString());
        }
        return n;
    }

    @Override
    public void close() { executor.shutdownNow(); }

    // --- internals --------------------------------------------------------------------------------------------

    /** Live subscriptions; expired ones are dropped on the way, as Graph deletes them. */
    private List<Subscription> live() {
        Instant now = context.now();
        List<Subscription> out = new ArrayList<>();
        for (Subscription s : subscriptions.values()) {
            if (s.expiration.isBefore(now)) remove(s);
            else out.add(s);
        }
        return out;
    }

    private Subscription owned(Mailbox mailbox, String id) {
        Subscription s = subscriptions.get(id);
        if (s == null || !s.mailboxId.equals(mailbox.id()) || s.expiration.isBefore(context.now())) {
            if (s != null && s.expiration.isBefore(context.now())) remove(s);
            throw new GraphError(404, "ResourceNotFound", "The object was not found.");
        }
        return s;
    }

    private void remove(Subscription s) {
        s.removed = true;
        subscriptions.remove(s.id, s);
    }

    private void validate(String subscriptionId, String url) {
        String token = "Validation: Testing client application reachability for subscription Request-Id: " + UUID.randomUUID();
        String target = url + (url.contains("?") ? "&" : "?") + "validationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        int status = -1;
        boolean ok = false;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(target)).timeout(validationTimeout)
                    .header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = r.statusCode();
            String type = r.headers().firstValue("Content-Type").orElse("");
            ok = status == 200 && type.toLowerCase(Locale.ROOT).startsWith("text/plain") && r.body().equals(token);
        } catch (IOException | IllegalArgumentException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        record(new DeliveredNotification(subscriptionId, "validation", null, null, null, url, 1, status, context.now()));
        if (!ok) {
            throw GraphError.badRequest("InvalidRequest",
                    "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.");
        }
    }

    private void deliver(Subscription s, String url, ObjectNode notification, String kind, String changeType, String lifecycleEvent, String resourceId) {
        ObjectNode payload = Json.object();
        payload.putArray("value").add(notification);
        byte[] body = Json.bytes(payload);
        synchronized (s) {
            s.tail = s.tail.thenCompose(ignored -> send(s, url, body, kind, changeType, lifecycleEvent, resourceId, 1));
        }
    }

    private CompletableFuture<Void> send(Subscription s, String url, byte[] body, String kind, String changeType,
                                         String lifecycleEvent, String resourceId, int attempt) {
        if (s.removed && kind.equals("change")) return CompletableFuture.completedFuture(null);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(acknowledgeTimeout)
                .header("Content-Type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((r, err) -> err == null ? r.statusCode() : -1)
                .thenCompose(status -> {
                    record(new DeliveredNotification(s.id, kind, changeType, lifecycleEvent, resourceId, url, attempt, status, context.now()));
                    boolean acknowledged = status >= 200 && status < 300;
                    if (acknowledged || attempt >= deliveryAttempts) return CompletableFuture.completedFuture(null);
                    // Graph retries an unacknowledged notification (for up to 4 hours); here a few times, briefly.
                    return CompletableFuture.supplyAsync(() -> null,
                                    CompletableFuture.delayedExecutor(retryDelay.toMillis(), TimeUnit.MILLISECONDS, executor))
                            .thenCompose(ignored -> send(s, url, body, kind, changeType, lifecycleEvent, resourceId, attempt + 1));
                });
    }

    private void record(DeliveredNotification n) {
        delivered.addLast(n);
        if (recorded.incrementAndGet() > MAX_RECORDED) {
            delivered.pollFirst();
            recorded.decrementAndGet();
        }
    }

    private static Set<String> changeTypes(String text) {
        if (text == null || text.isBlank()) throw GraphError.badRequest("InvalidRequest", "changeType is required.");
        Set<String> out = new LinkedHashSet<>();
        for (String t : text.split(",")) {
            String type = t.trim();
            if (!CHANGE_TYPES.contains(type)) throw GraphError.badRequest("InvalidRequest", "Invalid changeType '" + type + "'.");
            out.add(type);
        }
        return Set.copyOf(out);
    }

    private static String url(String url, String field) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw GraphError.badRequest("InvalidRequest", field + " must be an https URL.");
        }
        try {
            URI.create(url);
        } catch (IllegalArgumentException e) {
            throw GraphError.badRequest("InvalidRequest", field + " is not a valid URL.");
        }
        return url;
    }

    /** The calendar a resource path names (null: every calendar of the mailbox), or 400 for anything else. */
    private static String watchedCalendar(Mailbox mailbox, String resource) {
        Matcher m = resource == null ? null : RESOURCE.matcher(resource.trim());
        if (m == null || !m.matches()) {
            throw GraphError.badRequest("InvalidRequest", "The resource '" + resource + "' is not supported for event subscriptions.");
        }
        String user = m.group(1);
        if (user != null && !user.equalsIgnoreCase(mailbox.id()) && !user.equalsIgnoreCase(mailbox.address()) && !user.equalsIgnoreCase(mailbox.userId())) {
            throw new GraphError(403, "ExtensionError", "Operation: Create; Exception: [Status Code: Forbidden; Reason: Access is denied.]");
        }
        if (m.group(2) != null) return null;
        String calendarId = m.group(3) != null ? m.group(3) : m.group(4);
        return calendarId == null ? mailbox.defaultCalendar().id() : mailbox.calendar(calendarId).id();
    }

    private Instant expiration(String text, String operation) {
        if (text == null) throw GraphError.badRequest("InvalidRequest", "expirationDateTime is required.");
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw GraphError.badRequest("InvalidRequest", "expirationDateTime '" + text + "' is not a valid date and time.");
        }
        Instant now = context.now();
        if (!at.isAfter(now)) {
            throw GraphError.badRequest("ExtensionError", "Operation: " + operation + "; Exception: [Status Code: BadRequest; Reason: "
                    + "Subscription expiration must be in the future.]");
        }
        if (at.isAfter(now.plus(Duration.ofMinutes(maxExpiryMinutes)))) {
            throw GraphError.badRequest("ExtensionError", "Operation: " + operation + "; Exception: [Status Code: BadRequest; Reason: "
                    + "Subscription expiration can only be " + maxExpiryMinutes + " minutes in the future.]");
        }
        return at;
    }
}
