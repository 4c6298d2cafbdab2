package dev.calsync.emulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Graph requests per mailbox, calendar and kind, ok or failed (Graph's throttling counts every request of a mailbox,
 * failed and faulted ones too). In-process user edits are never counted.
 */
public final class CallCounters {
    /** Mailbox under which requests without a valid token are counted. */
    public static final String UNAUTHENTICATED = "(unauthenticated)";

    private record Key(String mailboxId, String calendarId, CallKind kind, boolean ok) {}

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    public void record(String mailboxId, String calendarId, CallKind kind, boolean success) {
        counts.computeIfAbsent(new Key(mailboxId == null ? UNAUTHENTICATED : mailboxId, calendarId, kind, success), k -> new LongAdder())
                .increment();
    }

    public long total() { return sum(k -> true); }

    public long total(CallKind kind) { return sum(k -> k.kind() == kind); }

    public long failed() { return sum(k -> !k.ok()); }

    public long failed(CallKind kind) { return sum(k -> !k.ok() && k.kind() == kind); }

    public long forMailbox(String mailboxId) { return sum(k -> k.mailboxId().equals(mailboxId)); }

    public long forMailbox(String mailboxId, CallKind kind) { return sum(k -> k.mailboxId().equals(mailboxId) && k.kind() == kind); }

    public long forCalendar(String calendarId) { return sum(k -> calendarId.equals(k.calendarId())); }

    public long forCalendar(String calendarId, CallKind kind) { return sum(k -> calendarId.equals(k.calendarId()) && k.kind() == kind); }

    public void reset() { counts.clear(); }

    /** {"total","ok","failed","byKind",...} overall, then the same per mailbox and per calendar. */
    public ObjectNode toJson() {
        ObjectNode n = summary(k -> true);
        ObjectNode mailboxes = n.putObject("byMailbox");
        ObjectNode calendars = n.putObject("byCalendar");
        new TreeSet<>(counts.keySet().stream().map(Key::mailboxId).toList())
                .forEach(m -> mailboxes.set(m, summary(k -> k.mailboxId().equals(m))));
        new TreeSet<>(counts.keySet().stream().map(Key::calendarId).filter(Objects::nonNull).toList())
                .forEach(c -> calendars.set(c, summary(k -> c.equals(k.calendarId()))));
        return n;
    }

    private ObjectNode summary(Predicate<Key> which) {
        ObjectNode n = Json.object();
        n.put("total", sum(which));
        n.put("ok", sum(which.and(Key::ok)));
        n.put("failed", sum(which.and(k -> !k.ok())));
        ObjectNode byKind = n.putObject("byKind");
        for (CallKind kind : CallKind.values()) {
            long c = sum(which.and(k -> k.kind() == kind));
            if (c > 0) byKind.put(kind.wireName(), c);
        }
        return n;
    }

    private long sum(Predicate<Key> which) {
        long t = 0;
        for (Map.Entry<Key, LongAdder> e : counts.entrySet()) if (which.test(e.getKey())) t += e.getValue().sum();
        return t;
    }
}
