package dev.calsync.google;

import dev.calsync.core.provider.AccessTokens;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.jackson2.JacksonFactory;
import com.google.api.services.calendar.Calendar;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One official Calendar client per account, all on one shared transport. The client is built once; the
 * bearer token is read from {@link AccessTokens} on every request, so a refreshed token is used at once.
 */
final class GoogleClients {

    static final String APPLICATION_NAME = "calsync";
    /** Thread-safe and pooling; one for the whole JVM is what Google recommends. */
    static final HttpTransport SHARED_TRANSPORT = new NetHttpTransport();
    @SuppressWarnings("deprecation") // JacksonFactory is still the jackson2 binding's factory in 1.45
    static final JsonFactory JSON = JacksonFactory.getDefaultInstance();

    private final HttpTransport transport;
    private final String rootUrl;
    private final AccessTokens tokens;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final boolean gzipRequests;
    private final Map<String, Calendar> byAccount = new ConcurrentHashMap<>();

    GoogleClients(HttpTransport transport, String rootUrl, AccessTokens tokens, Duration connectTimeout,
                  Duration readTimeout, boolean gzipRequests) {
        this.transport = transport;
        this.rootUrl = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
        this.tokens = tokens;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.gzipRequests = gzipRequests;
    }

    Calendar forAccount(String accountId) {
        return byAccount.computeIfAbsent(accountId, this::build);
    }

    AccessTokens tokens() {
        return tokens;
    }

    private Calendar build(String accountId) {
        HttpRequestInitializer initializer = request -> {
            request.getHeaders().setAuthorization("Bearer " + tokens.accessToken(accountId));
            request.setConnectTimeout((int) connectTimeout.toMillis());
            request.setReadTimeout((int) readTimeout.toMillis());
            // Retries are ours alone (GoogleCallExecutor), so that each HTTP call is counted and backed off.
            request.setUnsuccessfulResponseHandler(null);
            request.setIOExceptionHandler(null);
        };
        return new Calendar.Builder(transport, JSON, initializer)
                .setRootUrl(rootUrl)
                .setApplicationName(APPLICATION_NAME)
                .setGoogleClientRequestInitializer(request -> request.setDisableGZipContent(!gzipRequests))
                .build();
    }
}
