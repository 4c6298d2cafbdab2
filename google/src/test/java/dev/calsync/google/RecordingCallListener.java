package dev.calsync.google;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallListener;
import java.util.ArrayList;
import java.util.List;

/** Keeps every reported call, in order. */
final class RecordingCallListener implements CallListener {

    record Call(CalendarRef calendar, CallKind kind, String outcome) {
    }

    final List<Call> calls = new ArrayList<>();

    @Override
    public synchronized void onCall(CalendarRef calendar, CallKind kind, String outcome) {
        calls.add(new Call(calendar, kind, outcome));
    }

    synchronized List<String> outcomes() {
        return calls.stream().map(Call::outcome).toList();
    }

    synchronized long count(CallKind kind) {
        return calls.stream().filter(c -> c.kind() == kind).count();
    }
}
