package dev.calsync.core.rules;

import dev.calsync.core.event.EventKind;
import dev.calsync.core.event.SourceEvent;
import java.util.Optional;

/**
 * Whether out-of-office entries block. By default they do (the owner is away).
 *
 * @param blocks true to let them block (the default)
 */
public record OutOfOfficeRule(boolean blocks) {
    public static final OutOfOfficeRule DEFAULT = new OutOfOfficeRule(true);

    public Optional<String> whyNot(SourceEvent event) {
        return !blocks && event.kind() == EventKind.OUT_OF_OFFICE ? Optional.of("out of office") : Optional.empty();
    }
}
