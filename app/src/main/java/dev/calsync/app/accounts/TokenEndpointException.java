package dev.calsync.app.accounts;

/**
 * The token endpoint failed. {@link #invalidGrant()} means the grant is revoked or expired for good: the person
 * must connect the account again. Anything else (outage, network) may pass. Messages carry the status and the
 * OAuth error code only, never a token.
 */
public final class TokenEndpointException extends RuntimeException {

    private final int status;
    private final String error;

    public TokenEndpointException(int status, String error, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    /** The OAuth error code ({@code invalid_grant}, {@code invalid_client}, …), or null. */
    public String error() {
        return error;
    }

    public boolean invalidGrant() {
        return "invalid_grant".equals(error);
    }
}
