package dev.calsync.core.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call that failed for good (retries, if the failure allowed them, are already spent). The kind
 * is all the engine needs to decide what happens next; the message never contains tokens or event content.
 */
public class ProviderException extends RuntimeException {

    public enum Kind {
        /** Rate limits, 5xx, network: worth another pass later; the old token stays. */
        TRANSIENT,
        /** The account's grant is revoked or expired even after a refresh: pause its groups, "reconnect". */
        UNAUTHORIZED,
        /** The calendar or event is not there or not ours (or no longer reachable through this account). */
        NOT_FOUND,
        /** The provider refused the request itself (400, 412 and alike): a bug or a changed API. */
        REJECTED,
        /** The provider answered something we cannot read (HTML error page, missing fields). */
        MALFORMED_RESPONSE
    }

    private final Kind kind;
    private final int status;
    private final String reason;
    private final Duration retryAfter;

    /** @param retryAfter how long the provider asked us to wait before trying again, or null when it did not say */
    public ProviderException(Kind kind, int status, String reason, String message, Throwable cause,
                             Duration retryAfter) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public ProviderException(Kind kind, int status, String reason, String message, Throwable cause) {
        this(kind, status, reason, message, cause, null);
    }

    public ProviderException(Kind kind, int status, String reason, String message) {
        this(kind, status, reason, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, or 0 when none was received. */
    public int status() {
        return status;
    }

    /** The provider's own reason word for the failure, as it gave it, or null. */
    public String reason() {
        return reason;
    }

    /** The wait the provider asked for (HTTP Retry-After) on the answer that made the call give up. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
