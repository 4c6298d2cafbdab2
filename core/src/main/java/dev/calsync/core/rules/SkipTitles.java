package dev.calsync.core.rules;

import dev.calsync.core.event.SourceEvent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Titles that keep an event private: an event whose title contains one of them (case-insensitive) makes no
 * block, e.g. {@code [nosync]}.
 */
public record SkipTitles(List<String> markers) {
    public static final SkipTitles NONE = new SkipTitles(List.of());
    /** More say nothing a person can keep track of; the store's column is bounded too. */
    public static final int MAX = 20;
    public static final int MAX_LENGTH = 100;

    public SkipTitles {
        markers = markers == null ? List.of()
                : markers.stream().map(String::trim).filter(m -> !m.isEmpty()).distinct().toList();
        if (markers.size() > MAX) {
            throw new IllegalArgumentException("skipTitles: at most " + MAX + " entries");
        }
        for (String marker : markers) {
            if (marker.length() > MAX_LENGTH || marker.contains("\n")) {
                throw new IllegalArgumentException("skipTitles: an entry is one line of at most " + MAX_LENGTH
                        + " characters");
            }
        }
    }

    public Optional<String> whyNot(SourceEvent event) {
        if (event.summary() == null || markers.isEmpty()) {
            return Optional.empty();
        }
        String title = event.summary().toLowerCase(Locale.ROOT);
        return markers.stream().filter(m -> title.contains(m.toLowerCase(Locale.ROOT))).findFirst()
                .map(m -> "title contains " + m);
    }
}
