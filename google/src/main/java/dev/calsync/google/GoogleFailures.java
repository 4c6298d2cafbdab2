package dev.calsync.google;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.provider.ProviderException.Kind;
import java.time.Duration;
import java.util.Set;

/**
 * What an HTTP error from Google means for calsync: worth retrying, or which {@link ProviderException}.
 * Decisions rest on the status code and, for 403, the reason word; an error body that is HTML or garbage
 * has no reason and is classified by its status alone.
 */
final class GoogleFailures {

    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504);
    private static final Set<String> RATE_LIMIT_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded");
    /** Calendar's own usage limits: retrying soon does not help, a later pass may. */
    private static final Set<String> QUOTA_REASONS = Set.of("quotaExceeded", "dailyLimitExceeded");
    /** The grant lacks a scope: only reconnecting the account helps. */
    private static final Set<String> GRANT_REASONS = Set.of("insufficientPermissions", "authError");

    private GoogleFailures() {
    }

    static boolean retryable(int status, String reason) {
        return RETRYABLE_STATUSES.contains(status) || (status == 403 && RATE_LIMIT_REASONS.contains(reason));
    }

    static Kind kindOf(int status, String reason) {
        if (retryable(status, reason) || status >= 500) {
            return Kind.TRANSIENT;
        }
        if (status == 401) {
            return Kind.UNAUTHORIZED;
        }
        if (status == 403) {
            if (QUOTA_REASONS.contains(reason)) {
                return Kind.TRANSIENT;
            }
            if (GRANT_REASONS.contains(reason)) {
                return Kind.UNAUTHORIZED;
            }
            return Kind.NOT_FOUND; // forbidden, requiredAccessLevel, …: not ours to touch
        }
        if (status == 404) {
            return Kind.NOT_FOUND;
        }
        return Kind.REJECTED; // 400, 409, 410, 412 and anything else a retry cannot fix
    }

    static ProviderException httpFailure(CalendarRef calendar, CallKind kind, int status, String reason) {
        return httpFailure(calendar, kind, status, reason, null);
    }

    /** @param retryAfter the answer's Retry-After (403 quotaExceeded may carry one), or null */
    static ProviderException httpFailure(CalendarRef calendar, CallKind kind, int status, String reason,
                                         Duration retryAfter) {
        return new ProviderException(kindOf(status, reason), status, reason, describe(calendar, kind)
                + " failed: HTTP " + status + (reason == null ? "" : " " + reason), null, retryAfter);
    }

    /** @param retryAfter the last answer's Retry-After, or null: the next pass should not come sooner */
    static ProviderException retriesExhausted(CalendarRef calendar, CallKind kind, int status, String reason,
                                              int attempts, Throwable cause, Duration retryAfter) {
        String last = status == 0 ? "network error" : "HTTP " + status + (reason == null ? "" : " " + reason);
        return new ProviderException(Kind.TRANSIENT, status, reason,
                describe(calendar, kind) + " gave up after " + attempts + " attempts, last: " + last, cause,
                retryAfter);
    }

    static ProviderException malformed(CalendarRef calendar, CallKind kind, String problem, Throwable cause) {
        return new ProviderException(Kind.MALFORMED_RESPONSE, 200, null,
                describe(calendar, kind) + ": unreadable answer: " + problem, cause);
    }

    static String describe(CalendarRef calendar, CallKind kind) {
        return "Google " + kind + " on calendar " + calendar.calendarId() + " of account " + calendar.accountId();
    }
}
