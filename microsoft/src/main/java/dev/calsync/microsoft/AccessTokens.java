package dev.calsync.microsoft;

/**
 * Where the adapter gets an OAuth access token for an account. The app plugs its Microsoft identity platform
 * refresh in here; {@link StaticAccessTokens} serves fixed tokens for config files, the emulator and tests.
 * Implementations must never log the tokens they hand out.
 */
public interface AccessTokens {

    /** The current access token of the account (without the "Bearer " prefix). */
    String accessToken(String accountId);

    /**
     * Graph refused the current token (401). Obtain a new one if possible.
     *
     * @return true when a new token is now available, so the call is worth repeating once;
     *         false when nothing can be done and the account needs to be reconnected
     */
    boolean refresh(String accountId);
}
