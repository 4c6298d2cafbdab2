package dev.calsync.core.rules;

import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.SourceEvent;
import java.util.Locale;
import java.util.Optional;

/**
 * Which all-day events make a block. Calendars often show all-day entries as free (a holiday, a trip), so
 * {@link #OPAQUE} keeps today's rule: an all-day event blocks when it is shown as busy.
 */
public enum AllDayRule {
    /** An all-day event blocks when it is shown as busy, like any other (the default). */
    OPAQUE,
    /** Every all-day event blocks, even one shown as free. */
    ALWAYS,
    /** No all-day event blocks. */
    NEVER;

    public static boolean isAllDay(SourceEvent event) {
        return event.start() instanceof EventTime.AllDay;
    }

    /**
     * @return why the event makes no block under this rule, or empty when this rule lets it through; an
     *         all-day event shown as free passes only {@link #ALWAYS} (the caller asks {@link #overridesFree})
     */
    public Optional<String> whyNot(SourceEvent event) {
        return this == NEVER && isAllDay(event) ? Optional.of("all-day") : Optional.empty();
    }

    /** True when an event shown as free still blocks: an all-day one under {@link #ALWAYS}. */
    public boolean overridesFree(SourceEvent event) {
        return this == ALWAYS && isAllDay(event);
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the values allowed */
    public static AllDayRule parse(String text) {
        for (AllDayRule rule : values()) {
            if (rule.configName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return rule;
            }
        }
        throw new IllegalArgumentException("allDay must be opaque, always or never, not \"" + text + "\"");
    }
}
