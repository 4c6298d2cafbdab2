package dev.calsync.app.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An OAuth 2.0 token endpoint (RFC 6749 §4.1.3 and §6): redeems authorization codes and refresh tokens.
 * The client authenticates with HTTP Basic, which every server must accept (Google's and Microsoft's identity
 * platform do). Nothing it sends or receives is logged.
 */
public final class TokenEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI uri;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final HttpClient http;
    private final Clock clock;

    public TokenEndpoint(URI uri, String clientId, String clientSecret, Clock clock) {
        this(uri, clientId, clientSecret, null, clock);
    }

    /**
     * @param scope sent with every grant, for servers that want it on refreshes (Microsoft's identity platform);
     *              null: none (the grant keeps the scopes of the authorization)
     */
    public TokenEndpoint(URI uri, String clientId, String clientSecret, String scope, Clock clock) {
        this.uri = uri;
        this.clientId = clientId;
        this.clientSecret = clientSecret == null ? "" : clientSecret;
        this.scope = scope;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    public URI uri() {
        return uri;
    }

    /** The authorization-code grant, with the PKCE verifier of the request that produced the code. */
    public TokenGrant redeem(String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        if (scope != null) {
            form.put("scope", scope);
        }
        return post(form);
    }

    public TokenGrant refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        if (scope != null) {
            form.put("scope", scope);
        }
        return post(form);
    }

    private TokenGrant post(Map<String, String> form) {
        Instant sent = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (encode(clientId) + ":" + encode(clientSecret)).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"))))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenEndpointException(0, null, "token endpoint unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenEndpointException(0, null, "interrupted while calling the token endpoint", e);
        }
        JsonNode body = parse(response);
        if (response.statusCode() != 200) {
            String error = body != null && body.path("error").isTextual() ? body.get("error").asText() : null;
            throw new TokenEndpointException(response.statusCode(), error,
                    "token endpoint answered " + response.statusCode() + (error == null ? "" : " " + error), null);
        }
        if (body == null || !body.path("access_token").isTextual()) {
            throw new TokenEndpointException(response.statusCode(), null, "token endpoint answered without access_token",
                    null);
        }
        Instant expiresAt = body.path("expires_in").canConvertToLong()
                ? sent.plusSeconds(body.get("expires_in").asLong()) : null;
        return new TokenGrant(body.get("access_token").asText(),
                body.path("refresh_token").isTextual() ? body.get("refresh_token").asText() : null,
                expiresAt,
                body.path("scope").isTextual() ? body.get("scope").asText() : null);
    }

    /** The body as JSON, or null when it is not JSON (an HTML error page): its text is never echoed. */
    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
