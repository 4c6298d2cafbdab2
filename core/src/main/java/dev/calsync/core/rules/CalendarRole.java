package dev.calsync.core.rules;

import java.util.Locale;

/** What a calendar does in its group: its events block the others, it holds their blocks, or both. */
public enum CalendarRole {
    /** Its busy time blocks the other calendars, and it holds their blocks (the default). */
    BOTH,
    /** Its busy time blocks the others; it never holds a block. */
    SOURCE,
    /** It holds the others' blocks; its own events block nothing. */
    TARGET;

    public boolean isSource() {
        return this != TARGET;
    }

    public boolean isTarget() {
        return this != SOURCE;
    }

    /** The name as configuration spells it: {@code both}, {@code source}, {@code target}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the values allowed */
    public static CalendarRole parse(String text) {
        for (CalendarRole role : values()) {
            if (role.configName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be both, source or target, not \"" + text + "\"");
    }
}
