package dev.calsync.app.accounts;

import java.time.Duration;
import java.time.Instant;

/**
 * The OAuth tokens of one connected account (Google or Microsoft): what {@link CredentialCipher} encrypts into
 * {@code accounts}.
 *
 * @param refreshToken null when the grant gave none (demo accounts, static tokens): then it cannot be renewed
 * @param expiresAt    when the access token stops working, or null if unknown
 */
public record OAuthCredentials(String accessToken, String refreshToken, Instant expiresAt, String scope) {

    /** Renew this long before expiry, so no request goes out with a token that dies in flight. */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(2);

    public boolean expiresSoon(Instant now) {
        return expiresAt != null && !now.plus(REFRESH_AHEAD).isBefore(expiresAt);
    }

    public boolean renewable() {
        return refreshToken != null && !refreshToken.isBlank();
    }

    /**
     * A renewed grant. Google often leaves out the refresh token on renewal (the old one stays valid); Microsoft
     * hands out a new one each time, which replaces the old.
     */
    public OAuthCredentials renewedBy(TokenGrant grant) {
        return new OAuthCredentials(grant.accessToken(),
                grant.refreshToken() != null ? grant.refreshToken() : refreshToken,
                grant.expiresAt(), grant.scope() != null ? grant.scope() : scope);
    }

    @Override
    public String toString() {
        return "OAuthCredentials[accessToken=(hidden), refreshToken=" + (renewable() ? "(hidden)" : "none")
                + ", expiresAt=" + expiresAt + ", scope=" + scope + "]";
    }
}
