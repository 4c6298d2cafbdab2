package dev.calsync.core.provider;

/**
 * Where an adapter gets an OAuth access token for an account. The app plugs its token renewal in here;
 * {@link StaticAccessTokens} serves fixed tokens for config files, the emulators and tests.
 * Implementations must never log the tokens they hand out.
 */
public interface AccessTokens {

    /** The current access token of the account (without the "Bearer " prefix). */
    String accessToken(String accountId);

    /**
     * The provider refused the current token (401). Obtain a new one if possible.
     *
     * @return true when a new token is now available, so the call is worth repeating once;
     *         false when nothing can be done and the account needs to be reconnected
     */
    boolean refresh(String accountId);
}
