package dev.calsync.app.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * The person's API calls of the last days against their daily share, laid out for the dashboard's SVG bar chart
 * ({@code fragments/charts.html}). Coordinates are in the SVG's own units.
 *
 * @param shareY where the share's line is drawn
 */
public record CallChart(List<Bar> bars, long share, double shareY, double width, double height, double left,
                        double top, double bottom, List<Tick> ticks) {

    static final double WIDTH = 560;
    static final double HEIGHT = 170;
    static final double LEFT = 44;
    static final double TOP = 14;
    static final double BOTTOM = 136;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** @param label every other day's date under its bar (and "today"); {@code title} says it all */
    public record Bar(LocalDate day, long calls, double x, double y, double width, double height, boolean overShare,
                      boolean today, String label, String title) {
    }

    public record Tick(String label, double y) {
    }

    public CallChart {
        bars = List.copyOf(bars);
        ticks = List.copyOf(ticks);
    }

    /** @param calls one entry per day, oldest first, the last being today */
    public static CallChart of(SortedMap<LocalDate, Long> calls, long share, Labels labels) {
        long max = Math.max(share, calls.values().stream().mapToLong(Long::longValue).max().orElse(0));
        double scale = (BOTTOM - TOP) / (max * 1.1);
        double slot = (WIDTH - LEFT - 4) / Math.max(1, calls.size());
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (var day : calls.entrySet()) {
            boolean today = i == calls.size() - 1;
            double height = day.getValue() * scale;
            String date = DAY.format(day.getKey());
            bars.add(new Bar(day.getKey(), day.getValue(), round(LEFT + i * slot + slot * 0.15), round(BOTTOM - height),
                    round(slot * 0.7), round(height), day.getValue() > share, today,
                    today ? "today" : (calls.size() - 1 - i) % 2 == 0 ? date : "",
                    (today ? "Today so far (" + date + ")" : date) + ": " + labels.number(day.getValue()) + " calls"));
            i++;
        }
        List<Tick> ticks = List.of(new Tick("0", BOTTOM), new Tick(labels.number(share), round(BOTTOM - share * scale)));
        return new CallChart(bars, share, round(BOTTOM - share * scale), WIDTH, HEIGHT, LEFT, TOP, BOTTOM, ticks);
    }

    public long total() {
        return bars.stream().mapToLong(Bar::calls).sum();
    }

    public long daysOverShare() {
        return bars.stream().filter(Bar::overShare).count();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
