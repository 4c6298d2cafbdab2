package dev.calsync.app.config;

/**
 * Google sign-in (OpenID Connect) and "connect an account" for {@code serve}. The CLI verbs ignore it.
 *
 * @param issuerUri        the OpenID Connect issuer; its discovery document supplies the sign-in endpoints
 * @param clientId         the OAuth client id, or null when not configured ({@code serve} then refuses to start)
 * @param clientSecret     the OAuth client secret; never printed
 * @param authorizationUri where "connect an account" sends the browser; null: the issuer's authorization endpoint
 * @param tokenUri         where "connect an account" redeems codes and refresh tokens; null: the issuer's
 */
public record OAuthConfig(String issuerUri, String clientId, String clientSecret, String authorizationUri,
                          String tokenUri) {

    public static final String DEFAULT_ISSUER_URI = "https://accounts.google.com";
    public static final OAuthConfig DEFAULTS = new OAuthConfig(DEFAULT_ISSUER_URI, null, null, null, null);

    public boolean configured() {
        return clientId != null && !clientId.isBlank();
    }

    @Override
    public String toString() {
        return "OAuthConfig[issuerUri=" + issuerUri + ", clientId=" + clientId
                + ", clientSecret=" + Secrets.mask(clientSecret) + ", authorizationUri=" + authorizationUri
                + ", tokenUri=" + tokenUri + "]";
    }
}
