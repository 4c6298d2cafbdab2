package dev.calsync.emulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Graph requests per mailbox, per calendar and per kind, split into ok and failed (throttling counts per mailbox, so
 * do failed and faulted calls). In-process user edits are never counted.
 */
public final class CallCounters {
    /** Mailbox under which requests without a valid token are counted. */
    public static final String UNAUTHENTICATED = "(unauthenticated)";

    private static final class Counts {
        final EnumMap<CallKind, LongAdder> ok = new EnumMap<>(CallKind.class);
        final EnumMap<CallKind, LongAdder> failed = new EnumMap<>(CallKind.class);

        Counts() {
            for (CallKind k : CallKind.values()) {
                ok.put(k, new LongAdder());
                failed.put(k, new LongAdder());
            }
        }

        void add(CallKind kind, boolean success) { (success ? ok : failed).get(kind).increment(); }

        long get(CallKind kind) { return ok.get(kind).sum() + failed.get(kind).sum(); }

        long total() {
            long t = 0;
            for (CallKind k : CallKind.values()) t += get(k);
            return t;
        }

        static long sum(EnumMap<CallKind, LongAdder> m) {
            long t = 0;
            for (LongAdder a : m.values()) t += a.sum();
            return t;
        }

        ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("total", total());
            n.put("ok", sum(ok));
            n.put("failed", sum(failed));
            ObjectNode byKind = n.putObject("byKind");
            for (CallKind k : CallKind.values()) if (get(k) > 0) byKind.put(k.wireName(), get(k));
            return n;
        }
    }

    private volatile Counts all = new Counts();
    private final Map<String, Counts> byMailbox = new ConcurrentHashMap<>();
    private final Map<String, Counts> byCalendar = new ConcurrentHashMap<>();

    public void record(String mailboxId, String calendarId, CallKind kind, boolean success) {
        all.add(kind, success);
        byMailbox.computeIfAbsent(mailboxId == null ? UNAUTHENTICATED : mailboxId, a -> new Counts()).add(kind, success);
        if (calendarId != null) byCalendar.computeIfAbsent(calendarId, c -> new Counts()).add(kind, success);
    }

    public long total() { return all.total(); }

    public long total(CallKind kind) { return all.get(kind); }

    public long failed() { return Counts.sum(all.failed); }

    public long failed(CallKind kind) { return all.failed.get(kind).sum(); }

    public long forMailbox(String mailboxId) { Counts c = byMailbox.get(mailboxId); return c == null ? 0 : c.total(); }

    public long forMailbox(String mailboxId, CallKind kind) { Counts c = byMailbox.get(mailboxId); return c == null ? 0 : c.get(kind); }

    public long forCalendar(String calendarId) { Counts c = byCalendar.get(calendarId); return c == null ? 0 : c.total(); }

    public long forCalendar(String calendarId, CallKind kind) { Counts c = byCalendar.get(calendarId); return c == null ? 0 : c.get(kind); }

    public void reset() {
        all = new Counts();
        byMailbox.clear();
        byCalendar.clear();
    }

    public ObjectNode toJson() {
        ObjectNode n = all.toJson();
        ObjectNode mailboxes = n.putObject("byMailbox");
        new TreeMap<>(byMailbox).forEach((k, v) -> mailboxes.set(k, v.toJson()));
        ObjectNode calendars = n.putObject("byCalendar");
        new TreeMap<>(byCalendar).forEach((k, v) -> calendars.set(k, v.toJson()));
        return n;
    }
}
