package dev.calsync.microsoft;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.provider.ProviderException.Kind;
import java.util.Set;

/**
 * What an HTTP error from Graph means for calsync: worth retrying, or which {@link ProviderException}. Messages
 * name the call, the calendar, the status and Graph's error code, never tokens or event content.
 */
final class GraphFailures {

    /** Throttling (429), and the 5xx Graph's throttling guidance asks clients to retry. */
    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);

    private GraphFailures() {
    }

    static boolean retryable(int status) {
        return RETRYABLE.contains(status);
    }

    static Kind kindOf(int status) {
        if (retryable(status) || status >= 500) {
            return Kind.TRANSIENT;
        }
        if (status == 401) {
            return Kind.UNAUTHORIZED;
        }
        if (status == 403 || status == 404) {
            return Kind.NOT_FOUND; // ErrorAccessDenied, ErrorItemNotFound: not ours to touch
        }
        return Kind.REJECTED; // 400, 409, 410, 412 and anything else a retry cannot fix
    }

    static ProviderException httpFailure(CalendarRef calendar, CallKind kind, int status, String code) {
        return new ProviderException(kindOf(status), status, code, describe(calendar, kind)
                + " failed: HTTP " + status + (code == null ? "" : " " + code));
    }

    static ProviderException retriesExhausted(CalendarRef calendar, CallKind kind, int status, String code,
                                              int attempts, Throwable cause) {
        String last = status == 0 ? "network error" : "HTTP " + status + (code == null ? "" : " " + code);
        return new ProviderException(Kind.TRANSIENT, status, code,
                describe(calendar, kind) + " gave up after " + attempts + " attempts, last: " + last, cause);
    }

    static ProviderException malformed(CalendarRef calendar, CallKind kind, String problem) {
        return new ProviderException(Kind.MALFORMED_RESPONSE, 200, null,
                describe(calendar, kind) + ": unreadable answer: " + problem);
    }

    static String describe(CalendarRef calendar, CallKind kind) {
        return "Microsoft Graph " + kind + " on calendar " + calendar.calendarId() + " of account "
                + calendar.accountId();
    }
}
