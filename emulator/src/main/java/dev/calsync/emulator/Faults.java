package dev.calsync.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.store.EmulatorContext;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection, in-process or through {@code POST /emulator/faults}. Armed faults are consumed in the order
 * they were added by the first calls they match.
 */
public final class Faults {
    private record Rule(FaultType type, AtomicInteger remaining, FaultScope scope) {}

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final EmulatorContext context;
    private volatile long latencyMillis;
    private volatile int pageSizeCap;

    Faults(EmulatorContext context) { this.context = context; }

    /** The next {@code count} matching calls fail with {@code type} (lost-response types: the next matching writes). */
    public Faults failNext(int count, FaultType type, FaultScope scope) {
        if (count > 0) rules.add(new Rule(type, new AtomicInteger(count), scope == null ? FaultScope.ANY : scope));
        return this;
    }

    public Faults failNext(int count, FaultType type) { return failNext(count, type, FaultScope.ANY); }

    /** Apply the next {@code count} writes but make the client see a failure (closed connection, or 503). */
    public Faults loseResponsesOfNextWrites(int count, boolean closeConnection) {
        return failNext(count, closeConnection ? FaultType.LOST_RESPONSE_CLOSE : FaultType.LOST_RESPONSE_503);
    }

    /** Every sync token issued so far becomes invalid: its next use gets 410 fullSyncRequired. */
    public Faults expireAllSyncTokens() {
        context.expireAllSyncTokens();
        return this;
    }

    /** Added to every HTTP request (a batch counts once). */
    public Faults setLatency(Duration latency) {
        latencyMillis = latency.toMillis();
        return this;
    }

    /** Pages hold at most this many items whatever maxResults says; 0 removes the cap. */
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

    private enum Stage { INSTEAD_OF_CALL, AFTER_WRITE, MANGLE_ANSWER }

    /** A fault that replaces the call's answer, consumed if one matches. */
    public FaultType takeCallFault(String account, String calendar, CallKind kind) {
        return take(account, calendar, kind, Stage.INSTEAD_OF_CALL);
    }

    /** A lost-response fault for a write that has just been applied, consumed if one matches. */
    public FaultType takeLostResponse(String account, String calendar, CallKind kind) {
        return kind.isWrite() ? take(account, calendar, kind, Stage.AFTER_WRITE) : null;
    }

    /** A malformed-answer fault for a call that has just succeeded, consumed if one matches. */
    public FaultType takeMangledAnswer(String account, String calendar, CallKind kind) {
        return take(account, calendar, kind, Stage.MANGLE_ANSWER);
    }

    private static Stage stageOf(FaultType type) {
        if (type.losesResponse()) return Stage.AFTER_WRITE;
        return type.manglesAnswer() ? Stage.MANGLE_ANSWER : Stage.INSTEAD_OF_CALL;
    }

    private FaultType take(String account, String calendar, CallKind kind, Stage stage) {
        for (Rule r : rules) {
            if (stageOf(r.type()) != stage || !r.scope().matches(account, calendar, kind)) continue;
            int left = r.remaining().getAndDecrement();
            if (left <= 1) rules.remove(r);
            if (left >= 1) return r.type();
        }
        return null;
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("latencyMs", latencyMillis);
        n.put("pageSizeCap", pageSizeCap);
        n.put("syncTokenEpoch", context.tokenEpoch());
        ArrayNode armed = n.putArray("armed");
        for (Rule r : rules) {
            ObjectNode a = armed.addObject();
            a.put("type", r.type().wireName());
            a.put("remaining", r.remaining().get());
            if (r.scope().accountId() != null) a.put("accountId", r.scope().accountId());
            if (r.scope().calendarId() != null) a.put("calendarId", r.scope().calendarId());
            if (r.scope().kind() != null) a.put("kind", r.scope().kind().wireName());
        }
        return n;
    }
}
