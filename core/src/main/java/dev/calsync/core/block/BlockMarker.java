package dev.calsync.core.block;

import dev.calsync.core.calendar.CalendarRef;
import java.util.Map;
import java.util.Optional;

/**
 * The private extended properties every block carries. Keys and values stay short (the strictest
 * provider keeps 44-char keys and 1024-char values), so nothing is ever truncated.
 */
public record BlockMarker(String groupId, String sourceCalendarHash, String sourceEventId) {
    public static final String FLAG = "calsync";
    public static final String GROUP = "csg";
    public static final String SOURCE_CALENDAR = "css";
    public static final String SOURCE_EVENT = "cse";
    /**
     * Optional: the block's key, for adapters whose provider assigns event ids itself (so a listed block can be
     * named by its key). Where the provider's id is the key, it is left out.
     */
    public static final String KEY = "csk";
    /**
     * The installation that wrote the block (one id per database, made once). Blocks of another installation are
     * never touched; a block without one was written by an older version and counts as ours.
     */
    public static final String INSTALLATION = "csi";
    /**
     * Optional: the block's colour as the group's palette index ({@code dev.calsync.core.rules.BlockColor}), so the
     * colour is part of the content an echo is compared by; left out when the group sets none.
     */
    public static final String COLOR = "csc";

    public static BlockMarker of(String groupId, CalendarRef source, String sourceEventId) {
        return new BlockMarker(groupId, calendarHash(source), sourceEventId);
    }

    /** A short, stable stand-in for the source calendar, so a block does not reveal which calendar it mirrors. */
    public static String calendarHash(CalendarRef calendar) {
        return Sha256.base32hex(calendar.key()).substring(0, 12);
    }

    public Map<String, String> properties() {
        return Map.of(FLAG, "1", GROUP, groupId, SOURCE_CALENDAR, sourceCalendarHash, SOURCE_EVENT, sourceEventId);
    }

    /** True for anything calsync wrote, of any group: such events are never sources. */
    public static boolean isBlock(Map<String, String> privateProperties) {
        return "1".equals(privateProperties.get(FLAG));
    }

    /** The key of a listed block: the one its marker names, else the id the provider lists it under. */
    public static String keyOf(String providerId, Map<String, String> privateProperties) {
        return privateProperties.getOrDefault(KEY, providerId);
    }

    /** The installation id a block carries, or null (an older version's block). */
    public static String installationOf(Map<String, String> privateProperties) {
        return privateProperties.get(INSTALLATION);
    }

    /** The group tag a block carries, or null when it has none. */
    public static String groupOf(Map<String, String> privateProperties) {
        return privateProperties.get(GROUP);
    }

    /** True when both carry the same group, source calendar and source event (installation and key aside). */
    public static boolean sameBlock(Map<String, String> a, Map<String, String> b) {
        return isBlock(a) && isBlock(b) && java.util.Objects.equals(a.get(GROUP), b.get(GROUP))
                && java.util.Objects.equals(a.get(SOURCE_CALENDAR), b.get(SOURCE_CALENDAR))
                && java.util.Objects.equals(a.get(SOURCE_EVENT), b.get(SOURCE_EVENT));
    }

    public static Optional<BlockMarker> read(Map<String, String> privateProperties) {
        if (!isBlock(privateProperties)) {
            return Optional.empty();
        }
        String group = privateProperties.get(GROUP);
        String calendar = privateProperties.get(SOURCE_CALENDAR);
        String event = privateProperties.get(SOURCE_EVENT);
        if (group == null || calendar == null || event == null) {
            return Optional.empty();
        }
        return Optional.of(new BlockMarker(group, calendar, event));
    }
}
