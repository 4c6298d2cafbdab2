package dev.calsync.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * API calls as Google would charge them: per account, per calendar and per kind, split into ok and failed.
 * Faulted calls count (Google charges them too); batch parts count one by one; in-process user edits never count.
 */
public final class CallCounters {
    /** Account under which calls without valid credentials are counted. */
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

        long sum(EnumMap<CallKind, LongAdder> m) {
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
    private final Map<String, Counts> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Counts> byCalendar = new ConcurrentHashMap<>();
    private final LongAdder gzipRequests = new LongAdder();

    /** Called by the HTTP front end for every metered call. */
    public void record(String accountId, String calendarId, CallKind kind, boolean success) {
        all.add(kind, success);
        byAccount.computeIfAbsent(accountId == null ? UNAUTHENTICATED : accountId, a -> new Counts()).add(kind, success);
        if (calendarId != null) byCalendar.computeIfAbsent(calendarId, c -> new Counts()).add(kind, success);
    }

    public void recordGzipRequest() { gzipRequests.increment(); }

    public long total() { return all.total(); }
    public long total(CallKind kind) { return all.get(kind); }
    public long ok() { return all.sum(all.ok); }
    public long failed() { return all.sum(all.failed); }
    public long failed(CallKind kind) { return all.failed.get(kind).sum(); }

    public long forAccount(String accountId) { Counts c = byAccount.get(accountId); return c == null ? 0 : c.total(); }
    public long forAccount(String accountId, CallKind kind) { Counts c = byAccount.get(accountId); return c == null ? 0 : c.get(kind); }
    /** Calls on a calendar, by its global id (calls through the "primary" alias count under the real id). */
    public long forCalendar(String calendarId) { Counts c = byCalendar.get(calendarId); return c == null ? 0 : c.total(); }
    public long forCalendar(String calendarId, CallKind kind) { Counts c = byCalendar.get(calendarId); return c == null ? 0 : c.get(kind); }

    /** Requests whose body arrived gzip-compressed (the Google Java client's default). Not reset with the calls. */
    public long gzipRequests() { return gzipRequests.sum(); }

    public void reset() {
        all = new Counts();
        byAccount.clear();
        byCalendar.clear();
    }

    public ObjectNode toJson() {
        ObjectNode n = all.toJson();
        n.put("gzipRequests", gzipRequests());
        ObjectNode accounts = n.putObject("byAccount");
        new TreeMap<>(byAccount).forEach((k, v) -> accounts.set(k, v.toJson()));
        ObjectNode calendars = n.putObject("byCalendar");
        new TreeMap<>(byCalendar).forEach((k, v) -> calendars.set(k, v.toJson()));
        return n;
    }
}
