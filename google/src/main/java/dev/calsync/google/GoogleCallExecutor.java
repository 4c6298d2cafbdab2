package dev.calsync.google;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.services.calendar.Calendar;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallListener;
import dev.calsync.core.provider.ProviderException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.Set;

/**
 * Sends one logical request: reports every HTTP call to the {@link CallListener}, retries transient
 * failures with full-jitter backoff, refreshes the token once on 401, and turns what remains into either
 * a refusal the caller expects (409 on insert, 404 on update, 410 on a sync token, …) or a
 * {@link ProviderException}.
 */
final class GoogleCallExecutor {

    /** One HTTP call made with the account's client; rebuilt per attempt so a refreshed token is sent. */
    @FunctionalInterface
    interface GoogleCall<T> {
        T execute(Calendar client) throws IOException;
    }

    /** Either the parsed answer, or a status the caller said it handles itself. */
    record Answer<T>(T value, int refusedStatus, String refusedReason) {
        static <T> Answer<T> ok(T value) {
            return new Answer<>(value, 0, null);
        }

        static <T> Answer<T> refused(int status, String reason) {
            return new Answer<>(null, status, reason);
        }

        boolean refused() {
            return refusedStatus != 0;
        }
    }

    private final GoogleClients clients;
    private final CallListener listener;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Random random;

    GoogleCallExecutor(GoogleClients clients, CallListener listener, RetryPolicy policy, Sleeper sleeper,
                       Random random) {
        this.clients = clients;
        this.listener = listener;
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** Sends the call; any non-success status is final unless retryable. */
    <T> T send(CalendarRef calendar, CallKind kind, GoogleCall<T> call) {
        return send(calendar, kind, Set.of(), call).value();
    }

    /**
     * Sends the call; a final answer with a status in {@code handledStatuses} comes back as a refusal
     * instead of an exception.
     */
    <T> Answer<T> send(CalendarRef calendar, CallKind kind, Set<Integer> handledStatuses, GoogleCall<T> call) {
        String accountId = calendar.accountId();
        boolean refreshed = false;
        int attempts = 0;
        int retries = 0;
        Duration waited = Duration.ZERO;
        // What the server last asked us to wait: handed on when we give up, so the next pass respects it too.
        Duration lastRetryAfter = null;
        while (true) {
            attempts++;
            int status;
            String reason;
            Duration retryAfter = null;
            Throwable cause = null;
            try {
                T value = call.execute(clients.forAccount(accountId));
                listener.onCall(calendar, kind, "ok");
                return Answer.ok(value);
            } catch (HttpResponseException e) {
                status = e.getStatusCode();
                reason = reasonOf(e);
                listener.onCall(calendar, kind, String.valueOf(status));
                if (handledStatuses.contains(status)) {
                    return Answer.refused(status, reason);
                }
                if (status == 401) {
                    if (!refreshed && refresh(calendar, kind, accountId)) {
                        refreshed = true;
                        continue; // the one retry a new token deserves; not a backoff retry
                    }
                    throw GoogleFailures.httpFailure(calendar, kind, status, reason);
                }
                retryAfter = retryAfterOf(e);
                if (!GoogleFailures.retryable(status, reason)) {
                    throw GoogleFailures.httpFailure(calendar, kind, status, reason, retryAfter);
                }
                lastRetryAfter = retryAfter;
            } catch (JsonProcessingException | IllegalArgumentException e) {
                // A success status with a body we cannot read: repeating the call will not make it readable.
                // The parser's message may quote the body, so only its type goes into the exception.
                listener.onCall(calendar, kind, "malformed");
                throw GoogleFailures.malformed(calendar, kind, e.getClass().getSimpleName(), null);
            } catch (IOException e) {
                status = 0;
                reason = null;
                cause = e;
                lastRetryAfter = null;
                listener.onCall(calendar, kind, "io");
            }
            if (attempts >= policy.maxAttempts()) {
                throw GoogleFailures.retriesExhausted(calendar, kind, status, reason, attempts, cause, lastRetryAfter);
            }
            Duration delay = retryAfter != null ? policy.clampRetryAfter(retryAfter) : policy.delay(retries, random);
            if (waited.plus(delay).compareTo(policy.maxTotalWait()) > 0) {
                throw GoogleFailures.retriesExhausted(calendar, kind, status, reason, attempts, cause, lastRetryAfter);
            }
            sleep(calendar, kind, delay);
            waited = waited.plus(delay);
            retries++;
        }
    }

    private boolean refresh(CalendarRef calendar, CallKind kind, String accountId) {
        try {
            return clients.tokens().refresh(accountId);
        } catch (ProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            // A failed refresh (revoked grant, OAuth server down) leaves the account unusable for now.
            throw new ProviderException(ProviderException.Kind.UNAUTHORIZED, 401, "refreshFailed",
                    GoogleFailures.describe(calendar, kind) + ": token refresh failed", e);
        }
    }

    private void sleep(CalendarRef calendar, CallKind kind, Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.TRANSIENT, 0, "interrupted",
                    GoogleFailures.describe(calendar, kind) + ": interrupted while backing off", e);
        }
    }

    /** Google's reason word, or null when the error body was not Google's JSON (HTML from a proxy, …). */
    static String reasonOf(HttpResponseException e) {
        if (e instanceof GoogleJsonResponseException json) {
            GoogleJsonError details = json.getDetails();
            if (details != null && details.getErrors() != null && !details.getErrors().isEmpty()) {
                return details.getErrors().get(0).getReason();
            }
        }
        return null;
    }

    /** Retry-After as delta-seconds or HTTP date; null when absent or unreadable. */
    static Duration retryAfterOf(HttpResponseException e) {
        String value = e.getHeaders() == null ? null : e.getHeaders().getRetryAfter();
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Duration.between(Instant.now(), at);
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }
}
