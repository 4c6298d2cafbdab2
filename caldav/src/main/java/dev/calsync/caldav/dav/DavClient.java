package dev.calsync.caldav.dav;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallListener;
import dev.calsync.core.provider.ProviderException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Sends WebDAV requests for one account on {@link HttpClient}: Basic auth, redirects followed with method
 * and body kept (iCloud answers from per-account hosts), every HTTP call told to the {@link CallListener},
 * 429/5xx and network failures retried with {@link Backoff}. What remains comes back as a response for the
 * caller to read, except failures no caller can act on: 401 and retries spent, thrown as
 * {@link ProviderException}.
 */
public final class DavClient {
    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient http;
    private final DavCredentials credentials;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final CallListener listener;
    private final Duration requestTimeout;
    /** Hosts that redirected a path to the same path elsewhere (iCloud's per-account hosts): asked directly next time. */
    private final Map<String, String> movedOrigins = new ConcurrentHashMap<>();

    public DavClient(HttpClient http, DavCredentials credentials, Backoff backoff, Sleeper sleeper,
                     RandomGenerator random, CallListener listener, Duration requestTimeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** A client on a shared JDK HttpClient that does not follow redirects itself. */
    public static HttpClient defaultHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Sends the request until it gets an answer that is not worth retrying.
     *
     * @param about the calendar (or account) the call is for, as the listener counts it
     */
    public DavResponse send(DavRequest original, CalendarRef about, CallKind kind) {
        DavRequest request = withKnownOrigin(original);
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            Duration retryAfter = null;
            String failure;
            IOException cause = null;
            try {
                DavResponse response = followingRedirects(request, about, kind);
                if (response.status() == 401) {
                    throw new ProviderException(ProviderException.Kind.UNAUTHORIZED, 401, "unauthorized",
                            describe(request) + ": 401, check the username and (app-specific) password");
                }
                if (!RETRYABLE.contains(response.status())) {
                    return response;
                }
                failure = Integer.toString(response.status());
                retryAfter = response.header("Retry-After").map(DavClient::retryAfter).orElse(null);
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
                cause = e;
            }
            Duration delay = backoff.delay(attempt - 1, retryAfter, random);
            if (attempt >= backoff.maxAttempts() || waited.plus(delay).compareTo(backoff.maxTotalWait()) > 0) {
                int status = cause == null ? Integer.parseInt(failure) : 0;
                throw new ProviderException(ProviderException.Kind.TRANSIENT, status, cause == null ? "http" : "io",
                        describe(request) + ": " + failure + " after " + attempt + " attempt(s)", cause);
            }
            sleep(request, delay);
            waited = waited.plus(delay);
        }
    }

    /** Sends a PROPFIND or REPORT that must answer 207 Multi-Status, and reads the multistatus. */
    public Multistatus multistatus(DavRequest request, CalendarRef about, CallKind kind) {
        DavResponse response = send(request, about, kind);
        if (response.status() != 207) {
            throw DavFailures.unexpected(request, response);
        }
        return DavFailures.multistatus(request, response);
    }

    private DavResponse followingRedirects(DavRequest request, CalendarRef about, CallKind kind) throws IOException {
        DavRequest current = request;
        boolean authorized = true;
        for (int hop = 0; ; hop++) {
            DavResponse response = once(current, authorized, about, kind);
            if (!REDIRECTS.contains(response.status()) || response.header("Location").isEmpty()) {
                return response;
            }
            if (hop == MAX_REDIRECTS) {
                throw new ProviderException(ProviderException.Kind.MALFORMED_RESPONSE, response.status(), "redirects",
                        describe(request) + ": more than " + MAX_REDIRECTS + " redirects");
            }
            URI next = Hrefs.resolve(current.uri(), response.header("Location").get());
            learnOrigin(current.uri(), next);
            // Credentials travel on to the same origin or over TLS only, never down to plain HTTP elsewhere.
            authorized = authorized && (origin(next).equals(origin(request.uri())) || "https".equalsIgnoreCase(next.getScheme()));
            current = response.status() == 303 ? new DavRequest("GET", next, java.util.Map.of(), null) : current.at(next);
        }
    }

    /**
     * Sends once; a connection the server had already closed (HTTP/1.0 servers such as Radicale close every one,
     * and the JDK pools it anyway) gets one immediate second try on a fresh connection. That first try reached no
     * server, so it is no call and not counted as one.
     */
    private DavResponse once(DavRequest request, boolean authorized, CalendarRef about, CallKind kind)
            throws IOException {
        try {
            return reported(attempt(request, authorized), about, kind);
        } catch (IOException e) {
            if (!closedBeforeAnswer(e)) {
                listener.onCall(about, kind, "io");
                throw e;
            }
        }
        try {
            return reported(attempt(request, authorized), about, kind);
        } catch (IOException e) {
            listener.onCall(about, kind, "io");
            throw e;
        }
    }

    private DavResponse reported(DavResponse response, CalendarRef about, CallKind kind) {
        listener.onCall(about, kind, response.successful() ? "ok" : Integer.toString(response.status()));
        return response;
    }

    private static boolean closedBeforeAnswer(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e instanceof java.io.EOFException || message.contains("received no bytes");
    }

    private DavResponse attempt(DavRequest request, boolean authorized) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(requestTimeout)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(builder::header);
        if (authorized) {
            builder.header("Authorization", credentials.authorizationHeader());
        }
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new DavResponse(request.uri(), response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.TRANSIENT, 0, "interrupted",
                    describe(request) + ": interrupted", e);
        }
    }

    private DavRequest withKnownOrigin(DavRequest request) {
        String moved = movedOrigins.get(origin(request.uri()));
        return moved == null ? request : request.at(URI.create(moved + request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery())));
    }

    private void learnOrigin(URI from, URI to) {
        boolean samePath = from.getRawPath().equals(to.getRawPath());
        boolean notDowngraded = "https".equalsIgnoreCase(to.getScheme()) || from.getScheme().equalsIgnoreCase(to.getScheme());
        if (samePath && notDowngraded && !origin(from).equals(origin(to))) {
            movedOrigins.put(origin(from), origin(to));
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority();
    }

    private void sleep(DavRequest request, Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.TRANSIENT, 0, "interrupted",
                    describe(request) + ": interrupted while backing off", e);
        }
    }

    /** Retry-After as delta-seconds or an HTTP date; null when unreadable. */
    static Duration retryAfter(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Duration.between(Instant.now(), at);
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    static String describe(DavRequest request) {
        return "CalDAV " + request.method() + " " + request.uri().getHost() + request.uri().getRawPath();
    }
}
