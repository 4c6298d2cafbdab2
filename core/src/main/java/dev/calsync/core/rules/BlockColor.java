package dev.calsync.core.rules;

import java.util.List;

/**
 * The colour of a group's blocks, as an index into one palette of eleven event colours that every adapter maps
 * onto what its provider offers (see each adapter's README). The names are plain colour names, for people.
 */
public record BlockColor(int index) {
    public static final int MIN = 1;
    public static final int MAX = 11;
    private static final List<String> NAMES = List.of("lavender", "sage", "grape", "flamingo", "banana",
            "tangerine", "peacock", "graphite", "blueberry", "basil", "tomato");

    public BlockColor {
        if (index < MIN || index > MAX) {
            throw new IllegalArgumentException("color must be a palette index from " + MIN + " to " + MAX
                    + ", not " + index);
        }
    }

    public String name() {
        return NAMES.get(index - 1);
    }

    /** @throws IllegalArgumentException for anything but a whole number in range */
    public static BlockColor parse(String text) {
        try {
            return new BlockColor(Integer.parseInt(text == null ? "" : text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("color must be a palette index from " + MIN + " to " + MAX
                    + ", not \"" + text + "\"");
        }
    }
}
