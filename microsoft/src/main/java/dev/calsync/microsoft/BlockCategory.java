package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.rules.BlockColor;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a block shows the group's colour on Outlook: Graph has no colour on an event, only {@code categories} (names)
 * that the mailbox's master list colours ({@code outlookCategory}, {@code preset0}…{@code preset24}). Each palette
 * colour of calsync's has one category of its own, {@code calsync: Busy (<Colour>)}, created with the nearest Outlook
 * preset (below). The name says what the block is and shows nothing of its source.
 *
 * <p>On read, the category takes part in the echo check: a block written with its category that no longer carries it
 * (a person removed or replaced it) reads as having no colour, so its content differs from what was written (a hand
 * edit, restored or respected as the group says). A block written without one (the mailbox allowed none) and a block
 * from before colours were written keep the colour of their marker, so they never read as edited.
 */
final class BlockCategory {
    /**
     * calsync's palette (Google's event colours: 1 lavender … 11 tomato, see {@link BlockColor}) on Outlook's
     * presets (Outlook desktop: 0 red, 1 orange, 3 yellow, 4 green, 7 blue, 8 purple, 9 cranberry, 12 gray,
     * 19 dark green, 22 dark blue, 23 dark purple): the nearest hue, eleven different presets.
     */
    private static final List<String> PRESETS = List.of(
            "preset8",   // 1 lavender   → purple
            "preset4",   // 2 sage       → green
            "preset23",  // 3 grape      → dark purple
            "preset9",   // 4 flamingo   → cranberry
            "preset3",   // 5 banana     → yellow
            "preset1",   // 6 tangerine  → orange
            "preset7",   // 7 peacock    → blue
            "preset12",  // 8 graphite   → gray
            "preset22",  // 9 blueberry  → dark blue
            "preset19",  // 10 basil     → dark green
            "preset0");  // 11 tomato    → red

    private BlockCategory() {
    }

    /** The category of blocks in palette colour {@code index}; empty for an index outside the palette. */
    static Optional<String> name(int index) {
        if (index < BlockColor.MIN || index > BlockColor.MAX) {
            return Optional.empty();
        }
        String colour = new BlockColor(index).name();
        return Optional.of("calsync: Busy (" + colour.substring(0, 1).toUpperCase(Locale.ROOT) + colour.substring(1) + ")");
    }

    /** The Outlook preset a new category of palette colour {@code index} gets. */
    static String preset(int index) {
        return PRESETS.get(index - 1);
    }

    /**
     * The marker a block read back shows core: as stored, except that a block whose written category is gone from
     * its {@code categories} loses its colour ({@link BlockMarker#COLOR}).
     */
    static Map<String, String> asSeen(Map<String, String> marker, WrittenForm written, JsonNode categories) {
        if (!marker.containsKey(BlockMarker.COLOR) || written == null || written.category() == null
                || written.category().isEmpty()) {
            return marker;
        }
        for (JsonNode category : categories) {
            if (category.asText().equalsIgnoreCase(written.category())) {
                return marker;
            }
        }
        Map<String, String> seen = new HashMap<>(marker);
        seen.remove(BlockMarker.COLOR);
        return seen;
    }
}
