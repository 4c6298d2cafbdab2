package dev.calsync.core.rules;

import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import java.util.Optional;

/**
 * Whether tentative events and unanswered invitations block. By default they do: the time may be taken.
 *
 * @param blocks true to let them block (the default)
 */
public record TentativeRule(boolean blocks) {
    public static final TentativeRule DEFAULT = new TentativeRule(true);

    /** True for an event held tentatively: tentative itself, or the owner answered tentative or not yet. */
    public static boolean isTentative(SourceEvent event) {
        return event.status() == EventStatus.TENTATIVE || event.selfResponse() == ResponseStatus.TENTATIVE
                || event.selfResponse() == ResponseStatus.NEEDS_ACTION;
    }

    public Optional<String> whyNot(SourceEvent event) {
        return !blocks && isTentative(event) ? Optional.of("tentative") : Optional.empty();
    }
}
