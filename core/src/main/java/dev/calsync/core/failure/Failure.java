package dev.calsync.core.failure;

import dev.calsync.core.provider.ProviderException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One failure of a pass.
 *
 * @param retryAfter  the wait the provider asked for, or null
 * @param description the failure in the words shown to a person: kind, status and reason, never tokens or event
 *                    content
 */
public record Failure(FailureKind kind, Duration retryAfter, String description) {

    public Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }

    public static Failure of(ProviderException e) {
        StringBuilder text = new StringBuilder(FailureKind.of(e.kind()).words());
        if (e.status() > 0) {
            text.append(" (").append(e.status());
            if (e.reason() != null) {
                text.append(' ').append(e.reason());
            }
            text.append(')');
        }
        if (e.getMessage() != null) {
            text.append(": ").append(e.getMessage());
        }
        return new Failure(FailureKind.of(e.kind()), e.retryAfter().orElse(null), text.toString());
    }

    /** A failure described by its kind and what the caller knows of it ({@code detail} may be null). */
    public static Failure of(FailureKind kind, String detail) {
        return new Failure(kind, null, detail == null || detail.isBlank() ? kind.words() : kind.words() + ": " + detail);
    }

    public static Failure groupBusy() {
        return new Failure(FailureKind.GROUP_BUSY, null, FailureKind.GROUP_BUSY.words());
    }

    public Optional<Duration> retryAfterIfAny() {
        return Optional.ofNullable(retryAfter);
    }

    /** Of two failures of one attempt, the one that decides what happens next: the more serious, then the longer wait. */
    public Failure worse(Failure other) {
        if (other == null) {
            return this;
        }
        int bySeverity = Integer.compare(FailurePolicy.severity(kind), FailurePolicy.severity(other.kind));
        if (bySeverity != 0) {
            return bySeverity > 0 ? this : other;
        }
        Duration mine = retryAfterIfAny().orElse(Duration.ZERO);
        return mine.compareTo(other.retryAfterIfAny().orElse(Duration.ZERO)) >= 0 ? this : other;
    }
}
