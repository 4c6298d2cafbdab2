package dev.calsync.core.provider;

import dev.calsync.core.calendar.CalendarRef;

/** Told of every call a provider sends, retries included: the basis of all call counts and metrics. */
@FunctionalInterface
public interface CallListener {
    CallListener NONE = (calendar, kind, outcome) -> { };

    /**
     * @param calendar the calendar the call was about (for calendarList: accountId with calendarId "*")
     * @param outcome  "ok", or the HTTP status / failure reason
     */
    void onCall(CalendarRef calendar, CallKind kind, String outcome);
}
