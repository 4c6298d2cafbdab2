package dev.calsync.bench;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallListener;
import dev.calsync.core.provider.CallTally;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The engine's provider listener in one batch: feeds a {@link CallTally} (the app's own counter) and keeps what
 * the benchmark needs on top: calls by kind and outcome, and calls per user (for the per-minute peak).
 */
final class CallRecorder implements CallListener {
    final CallTally tally = new CallTally();
    private final Map<String, LongAdder> byKindAndOutcome = new ConcurrentHashMap<>();
    private final Map<String, Integer> userOfCalendar;
    private final Map<String, Integer> userOfAccount;
    private final AtomicLongArray perUser;

    CallRecorder(Map<String, Integer> userOfCalendar, Map<String, Integer> userOfAccount, int users) {
        this.userOfCalendar = userOfCalendar;
        this.userOfAccount = userOfAccount;
        this.perUser = new AtomicLongArray(users);
    }

    @Override
    public void onCall(CalendarRef calendar, CallKind kind, String outcome) {
        tally.onCall(calendar, kind, outcome);
        byKindAndOutcome.computeIfAbsent(kind.name().toLowerCase() + " " + outcome, k -> new LongAdder()).increment();
        Integer user = userOfCalendar.get(calendar.calendarId());
        if (user == null) {
            user = userOfAccount.get(calendar.accountId());
        }
        if (user != null) {
            perUser.incrementAndGet(user);
        }
    }

    long userCalls(int user) {
        return perUser.get(user);
    }

    /** "list ok" → n, "list 410" → n, "insert 409" → n, … */
    Map<String, Long> byKindAndOutcome() {
        Map<String, Long> copy = new TreeMap<>();
        byKindAndOutcome.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
