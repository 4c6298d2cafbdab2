package dev.calsync.app.accounts;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * An authorization request on its way to Google and back, kept in the session: the callback must bring the same
 * state for the same signed-in user, and the code is redeemed with this PKCE verifier.
 */
public record PendingConnect(String userId, String state, String codeVerifier, String redirectUri)
        implements Serializable {

    public boolean matches(String userId, String returnedState) {
        return this.userId.equals(userId) && returnedState != null
                && MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                        returnedState.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "PendingConnect[userId=" + userId + ", state=(hidden)]";
    }
}
