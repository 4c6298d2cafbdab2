package dev.calsync.app.accounts;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Connect another Google account": the authorization-code flow with offline access (a refresh token), PKCE and
 * incremental consent, asking only for the two calendar scopes sync needs.
 */
public final class ConnectFlow {

    /**
     * Read and write events (blocks), and read the calendar list to offer calendars for groups. {@code openid}
     * grants no data; it makes the request a standard OpenID Connect one, which identity providers (and the OIDC
     * test server) expect at their authorization endpoint.
     */
    public static final String SCOPES = "openid https://www.googleapis.com/auth/calendar.events "
            + "https://www.googleapis.com/auth/calendar.readonly";

    private final URI authorizationUri;
    private final String clientId;
    private final TokenEndpoint tokenEndpoint;
    private final SecureRandom random = new SecureRandom();

    public ConnectFlow(URI authorizationUri, String clientId, TokenEndpoint tokenEndpoint) {
        this.authorizationUri = authorizationUri;
        this.clientId = clientId;
        this.tokenEndpoint = tokenEndpoint;
    }

    public PendingConnect begin(String userId, String redirectUri) {
        return new PendingConnect(userId, randomText(), randomText(), redirectUri);
    }

    /** Where to send the browser. {@code prompt=consent} so Google hands out a refresh token every time. */
    public URI authorizationUrl(PendingConnect pending) {
        return UriComponentsBuilder.fromUri(authorizationUri)
                .queryParam("response_type", "code")
                .queryParam("client_id", clientId)
                .queryParam("redirect_uri", pending.redirectUri())
                .queryParam("scope", SCOPES)
                .queryParam("access_type", "offline")
                .queryParam("include_granted_scopes", "true")
                .queryParam("prompt", "consent select_account")
                .queryParam("state", pending.state())
                .queryParam("code_challenge", challenge(pending.codeVerifier()))
                .queryParam("code_challenge_method", "S256")
                .encode()
                .build()
                .toUri();
    }

    public TokenGrant finish(PendingConnect pending, String code) {
        return tokenEndpoint.redeem(code, pending.redirectUri(), pending.codeVerifier());
    }

    private String randomText() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
