package dev.calsync.caldav.ical;

import java.util.List;

/**
 * calsync's block palette as iCalendar {@code COLOR} values (RFC 7986 §5.9: a CSS3 colour name), chosen to look
 * like the palette's names (lavender, sage, grape, …). Clients that show COLOR (Apple Calendar, Thunderbird,
 * DAVx5) draw the block in it; others ignore it.
 */
final class BlockColors {
    private static final List<String> CSS = List.of("lavender", "darkseagreen", "mediumorchid", "lightcoral",
            "gold", "orange", "deepskyblue", "gray", "royalblue", "green", "tomato");

    private BlockColors() {
    }

    /** @param index a palette index from 1 to 11 */
    static String cssName(int index) {
        return CSS.get(index - 1);
    }
}
