package dev.calsync.emulator.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.store.GraphContext;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Fault injection, in-process or through {@code POST <root>graph/emulator/faults}. Armed faults are consumed in the
 * order they were added by the first calls they match.
 */
public final class Faults {
    /** An armed fault as a call meets it: the type and, for throttling, the Retry-After seconds (null: no header). */
    public record Fault(FaultType type, Integer retryAfterSeconds) {}

    private record Rule(Fault fault, AtomicInteger remaining, FaultScope scope) {
        /** Takes one use; false when concurrent calls used them all up first. */
        boolean consume() { return remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0; }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final GraphContext context;
    private volatile long latencyMillis;
    private volatile int pageSizeCap;

    Faults(GraphContext context) { this.context = context; }

    /** The next {@code count} matching calls fail with {@code type} (lost-response types: the next matching writes). */
    public Faults failNext(int count, FaultType type, FaultScope scope) { return failNext(count, type, null, scope); }

    public Faults failNext(int count, FaultType type, Integer retryAfterSeconds, FaultScope scope) {
        if (count > 0) rules.add(new Rule(new Fault(type, retryAfterSeconds), new AtomicInteger(count), scope == null ? FaultScope.ANY : scope));
        return this;
    }

    /** The next {@code count} matching calls get 429 with {@code Retry-After: retryAfterSeconds}. */
    public Faults throttleNext(int count, Integer retryAfterSeconds, FaultScope scope) {
        return failNext(count, FaultType.TOO_MANY_REQUESTS, retryAfterSeconds, scope);
    }

    /** Apply the next {@code count} writes but make the client see a failure (closed connection, or 503). */
    public Faults loseResponsesOfNextWrites(int count, boolean closeConnection) {
        return failNext(count, closeConnection ? FaultType.LOST_RESPONSE_CLOSE : FaultType.LOST_RESPONSE_503, FaultScope.ANY);
    }

    /** Every delta token issued so far becomes invalid: its next use gets 410 syncStateNotFound. */
    public Faults expireAllDeltaTokens() {
        context.expireAllDeltaTokens();
        return this;
    }

    public Faults setLatency(Duration latency) {
        latencyMillis = latency.toMillis();
        return this;
    }

    /** Pages hold at most this many items whatever the client prefers; 0 removes the cap. */
    public Faults capPageSize(int maxItems) {
        pageSizeCap = Math.max(0, maxItems);
        return this;
    }

    public Faults reset() {
        rules.clear();
        latencyMillis = 0;
        pageSizeCap = 0;
        return this;
    }

    public long latencyMillis() { return latencyMillis; }

    public int pageSizeCap() { return pageSizeCap; }

    public int armedFaults() { return rules.stream().mapToInt(r -> Math.max(0, r.remaining().get())).sum(); }

    /** A fault that replaces the call's answer (throttling, 5xx), consumed if one is armed for this call. */
    public Fault takeCallFault(String mailbox, String calendar, CallKind kind) {
        return take(mailbox, calendar, kind, t -> !t.losesResponse() && !t.manglesAnswer());
    }

    /** A fault that hides the answer of a write that was applied. */
    public Fault takeLostResponse(String mailbox, String calendar, CallKind kind) {
        return kind.isWrite() ? take(mailbox, calendar, kind, FaultType::losesResponse) : null;
    }

    /** A fault that garbles a successful answer. */
    public Fault takeMangledAnswer(String mailbox, String calendar, CallKind kind) { return take(mailbox, calendar, kind, FaultType::manglesAnswer); }

    private Fault take(String mailbox, String calendar, CallKind kind, Predicate<FaultType> stage) {
        for (Rule r : rules) {
            if (stage.test(r.fault().type()) && r.scope().matches(mailbox, calendar, kind) && r.consume()) {
                if (r.remaining().get() <= 0) rules.remove(r);
                return r.fault();
            }
        }
        return null;
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("latencyMs", latencyMillis);
        n.put("pageSizeCap", pageSizeCap);
        n.put("deltaTokenEpoch", context.tokenEpoch());
        ArrayNode armed = n.putArray("armed");
        for (Rule r : rules) {
            ObjectNode a = armed.addObject();
            a.put("type", r.fault().type().wireName());
            a.put("remaining", r.remaining().get());
            if (r.fault().retryAfterSeconds() != null) a.put("retryAfter", r.fault().retryAfterSeconds());
            if (r.scope().mailboxId() != null) a.put("mailboxId", r.scope().mailboxId());
            if (r.scope().calendarId() != null) a.put("calendarId", r.scope().calendarId());
            if (r.scope().kind() != null) a.put("kind", r.scope().kind().wireName());
        }
        return n;
    }
}
