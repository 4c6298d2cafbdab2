package dev.calsync.app.accounts;

import java.time.Instant;

/** What a token endpoint answered: an access token, maybe a refresh token, and when the access token expires. */
public record TokenGrant(String accessToken, String refreshToken, Instant expiresAt, String scope) {

    @Override
    public String toString() {
        return "TokenGrant[accessToken=(hidden), refreshToken=" + (refreshToken == null ? "none" : "(hidden)")
                + ", expiresAt=" + expiresAt + ", scope=" + scope + "]";
    }
}
