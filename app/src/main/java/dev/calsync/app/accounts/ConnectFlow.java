package dev.calsync.app.accounts;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Connect an account": the authorization-code flow with PKCE and a refresh token, asking only for the scopes sync
 * needs, at Google or at the Microsoft identity platform.
 */
public final class ConnectFlow {

    /**
     * Read and write events (blocks), and read the calendar list to offer calendars for groups. {@code openid}
     * grants no data; it makes the request a standard OpenID Connect one, which identity providers (and the OIDC
     * test server) expect at their authorization endpoint.
     */
    public static final String GOOGLE_SCOPES = "openid https://www.googleapis.com/auth/calendar.events "
            + "https://www.googleapis.com/auth/calendar.readonly";

    /**
     * Read and write the account's calendars and events, and a refresh token ({@code offline_access}); nothing
     * else, not even a profile: the account is recognised by its default calendar's owner.
     */
    public static final String MICROSOFT_SCOPES = "offline_access Calendars.ReadWrite";

    private final String provider;
    private final URI authorizationUri;
    private final String clientId;
    private final String scopes;
    /** What the provider needs beyond the standard parameters to hand out a refresh token and let one choose. */
    private final Map<String, String> extras;
    private final TokenEndpoint tokenEndpoint;
    private final SecureRandom random = new SecureRandom();

    private ConnectFlow(String provider, URI authorizationUri, String clientId, String scopes,
                        Map<String, String> extras, TokenEndpoint tokenEndpoint) {
        this.provider = provider;
        this.authorizationUri = authorizationUri;
        this.clientId = clientId;
        this.scopes = scopes;
        this.extras = extras;
        this.tokenEndpoint = tokenEndpoint;
    }

    /** {@code prompt=consent} so Google hands out a refresh token every time; incremental consent. */
    public static ConnectFlow google(URI authorizationUri, String clientId, TokenEndpoint tokenEndpoint) {
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("access_type", "offline");
        extras.put("include_granted_scopes", "true");
        extras.put("prompt", "consent select_account");
        return new ConnectFlow("google", authorizationUri, clientId, GOOGLE_SCOPES, extras, tokenEndpoint);
    }

    /** {@code offline_access} brings the refresh token; {@code select_account} lets one pick work or personal. */
    public static ConnectFlow microsoft(URI authorizationUri, String clientId, TokenEndpoint tokenEndpoint) {
        return new ConnectFlow("microsoft", authorizationUri, clientId, MICROSOFT_SCOPES,
                Map.of("prompt", "select_account"), tokenEndpoint);
    }

    /** The provider whose accounts this flow connects. */
    public String provider() {
        return provider;
    }

    public TokenEndpoint tokenEndpoint() {
        return tokenEndpoint;
    }

    public PendingConnect begin(String userId, String redirectUri) {
        return new PendingConnect(userId, randomText(), randomText(), redirectUri);
    }

    /** Where to send the browser. */
    public URI authorizationUrl(PendingConnect pending) {
        UriComponentsBuilder url = UriComponentsBuilder.fromUri(authorizationUri)
                .queryParam("response_type", "code")
                .queryParam("client_id", clientId)
                .queryParam("redirect_uri", pending.redirectUri())
                .queryParam("scope", scopes);
        extras.forEach(url::queryParam);
        return url.queryParam("state", pending.state())
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
