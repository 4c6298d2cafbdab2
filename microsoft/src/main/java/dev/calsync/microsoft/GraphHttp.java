package dev.calsync.microsoft;

import dev.calsync.core.provider.AccessTokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallListener;
import dev.calsync.core.provider.ProviderException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Sends one logical Graph request: reports every HTTP call to the {@link CallListener}, retries throttling, 5xx
 * and network failures with full-jitter backoff (honouring Retry-After), asks for a new token once on 401, and
 * turns what remains into either an answer the caller handles itself (404 on an update, 410 on a delta link, …)
 * or a {@link ProviderException}.
 */
final class GraphHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Asked before a request is repeated; an answer it gives settles the request without sending it again. */
    @FunctionalInterface
    interface BeforeRetry {
        BeforeRetry SEND_AGAIN = Optional::empty;

        Optional<GraphAnswer> settled();
    }

    private final HttpClient client;
    private final URI serviceRoot;
    private final AccessTokens tokens;
    private final CallListener listener;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Duration timeout;

    GraphHttp(HttpClient client, URI serviceRoot, AccessTokens tokens, CallListener listener, RetryPolicy policy,
              Sleeper sleeper, RandomGenerator random, Duration timeout) {
        this.client = client;
        this.serviceRoot = serviceRoot;
        this.tokens = tokens;
        this.listener = listener;
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
        this.timeout = timeout;
    }

    /** Sends the request; any final status outside 2xx is a {@link ProviderException}. */
    GraphAnswer send(CalendarRef calendar, CallKind kind, GraphRequest request) {
        return send(calendar, kind, request, Set.of(), BeforeRetry.SEND_AGAIN);
    }

    /** Sends the request; a final status in {@code handled} comes back as an answer instead of an exception. */
    GraphAnswer send(CalendarRef calendar, CallKind kind, GraphRequest request, Set<Integer> handled) {
        return send(calendar, kind, request, handled, BeforeRetry.SEND_AGAIN);
    }

    GraphAnswer send(CalendarRef calendar, CallKind kind, GraphRequest request, Set<Integer> handled,
                     BeforeRetry beforeRetry) {
        URI uri = resolve(calendar, kind, request.url());
        boolean refreshed = false;
        int attempts = 0;
        Duration waited = Duration.ZERO;
        while (true) {
            attempts++;
            int status = 0;
            String code = null;
            Duration retryAfter = null;
            IOException failure = null;
            try {
                HttpResponse<byte[]> response = client.send(build(uri, request, calendar.accountId()),
                        HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                if (status >= 200 && status < 300) {
                    JsonNode json = parse(response.body());
                    if (json == null && response.body().length > 0) {
                        // The parser's message may quote the body (event content): none of it goes further.
                        listener.onCall(calendar, kind, "malformed");
                        throw GraphFailures.malformed(calendar, kind, "not a JSON object");
                    }
                    listener.onCall(calendar, kind, "ok");
                    return new GraphAnswer(status, json, null);
                }
                code = errorCode(response.body());
                listener.onCall(calendar, kind, String.valueOf(status));
                if (handled.contains(status)) {
                    return new GraphAnswer(status, null, code);
                }
                if (status == 401) {
                    if (!refreshed && refresh(calendar, kind)) {
                        refreshed = true;
                        continue; // the one repeat a new token deserves; not a backoff retry
                    }
                    throw GraphFailures.httpFailure(calendar, kind, status, code);
                }
                if (!GraphFailures.retryable(status)) {
                    throw GraphFailures.httpFailure(calendar, kind, status, code);
                }
                retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
            } catch (IOException e) {
                failure = e;
                listener.onCall(calendar, kind, "io");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(calendar, kind, e);
            }
            if (attempts >= policy.maxAttempts()) {
                throw GraphFailures.retriesExhausted(calendar, kind, status, code, attempts, failure);
            }
            Duration delay = policy.delay(attempts - 1, retryAfter, random);
            if (waited.plus(delay).compareTo(policy.maxTotalWait()) > 0) {
                throw GraphFailures.retriesExhausted(calendar, kind, status, code, attempts, failure);
            }
            pause(calendar, kind, delay);
            waited = waited.plus(delay);
            Optional<GraphAnswer> settled = beforeRetry.settled();
            if (settled.isPresent()) {
                return settled.get();
            }
        }
    }

    /**
     * Relative URLs hang below the service root; Graph's own links must point below it too, or the bearer token
     * would go to whatever host a (forged or broken) answer names.
     */
    private URI resolve(CalendarRef calendar, CallKind kind, String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            return serviceRoot.resolve(url);
        }
        if (!url.startsWith(serviceRoot.toString())) {
            throw GraphFailures.malformed(calendar, kind, "a link outside the Graph service root");
        }
        return URI.create(url);
    }

    private HttpRequest build(URI uri, GraphRequest request, String accountId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + tokens.accessToken(accountId))
                .header("Accept", "application/json");
        request.headers().forEach(builder::header);
        if (request.body() == null) {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json");
            builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(bytes(request.body())));
        }
        return builder.build();
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** The JSON object of a body; null for an empty body (a DELETE's 204) and for anything that is no object. */
    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Graph's error code, or null when the body is not Graph's error JSON (an HTML page from a proxy, …). */
    private static String errorCode(byte[] body) {
        try {
            JsonNode code = JSON.readTree(body).path("error").path("code");
            return code.isTextual() ? code.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private boolean refresh(CalendarRef calendar, CallKind kind) {
        try {
            return tokens.refresh(calendar.accountId());
        } catch (ProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            // A failed refresh (revoked grant, identity platform down) leaves the account unusable for now.
            throw new ProviderException(ProviderException.Kind.UNAUTHORIZED, 401, "refreshFailed",
                    GraphFailures.describe(calendar, kind) + ": token refresh failed", e);
        }
    }

    private void pause(CalendarRef calendar, CallKind kind, Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(calendar, kind, e);
        }
    }

    private static ProviderException interrupted(CalendarRef calendar, CallKind kind, InterruptedException e) {
        return new ProviderException(ProviderException.Kind.TRANSIENT, 0, "interrupted",
                GraphFailures.describe(calendar, kind) + ": interrupted", e);
    }

    /** Retry-After as delta-seconds or HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
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
