package dev.calsync.core.failure;

import java.time.Duration;
import java.time.Instant;

/** What the {@link FailurePolicy} says to do after a failure. */
public sealed interface Decision {

    /** Try again in place after {@code pause}: the obstacle (another pass holding the group) goes by soon. */
    record RetryNow(Duration pause) implements Decision {
    }

    /** Leave it; a next pass at {@code at} tries again (a one-shot run reports it and leaves it for its next run). */
    record RescheduleAt(Instant at) implements Decision {
    }

    /** Pause the groups of the account whose grant was refused until it is connected again. */
    record PauseAccount() implements Decision {
    }

    /** Stop the batch (the other groups would fail alike); a scheduler comes back at {@code at}. */
    record GiveUpBatch(Instant at) implements Decision {
    }
}
