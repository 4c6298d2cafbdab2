package dev.calsync.microsoft;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every call the adapter reports, in order. */
final class RecordingCallListener implements CallListener {
    record Call(CalendarRef calendar, CallKind kind, String outcome) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void onCall(CalendarRef calendar, CallKind kind, String outcome) {
        calls.add(new Call(calendar, kind, outcome));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    long count(CallKind kind) {
        return calls.stream().filter(call -> call.kind() == kind).count();
    }

    void clear() {
        calls.clear();
    }
}
