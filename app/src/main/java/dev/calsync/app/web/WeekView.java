package dev.calsync.app.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The next seven days of a group, laid out for an SVG drawn by the server ({@code fragments/week.html}): a day per
 * column, inside it a column per calendar, hours down the side. Built by {@link WeekViews}; every coordinate is in
 * the SVG's own units.
 *
 * @param id        unique on the page (ids of the SVG's title and patterns)
 * @param zone      the time zone the times are drawn in
 * @param allDayTop where the all-day strip starts; {@code gridTop} is below it
 * @param unplaced  blocks whose source event is not in the cache (about to be removed), not drawn
 */
public record WeekView(String id, String groupId, boolean compact, String zone, double width, double height,
                       double gutter, double allDayTop, double gridTop, double gridBottom, List<Day> days,
                       List<Hour> hours, List<Calendar> calendars, List<Item> items, NowLine now, int unplaced) {

    public WeekView {
        days = List.copyOf(days);
        hours = List.copyOf(hours);
        calendars = List.copyOf(calendars);
        items = List.copyOf(items);
    }

    public long blocks() {
        return items.stream().filter(Item::block).map(Item::occurrence).distinct().count();
    }

    public long events() {
        return items.stream().filter(item -> !item.block()).map(Item::occurrence).distinct().count();
    }

    /** What the picture shows, in words: the SVG's description for screen readers. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        for (Calendar calendar : calendars) {
            long own = items.stream().filter(i -> !i.block() && i.calendar() == calendar.index())
                    .map(Item::occurrence).distinct().count();
            long blocks = items.stream().filter(i -> i.block() && i.calendar() == calendar.index())
                    .map(Item::occurrence).distinct().count();
            text.append(calendar.name()).append(": ").append(own).append(own == 1 ? " event" : " events")
                    .append(" of yours, ").append(blocks).append(blocks == 1 ? " block" : " blocks")
                    .append(" calsync keeps. ");
        }
        return text.append("Times in ").append(zone).append('.').toString().trim();
    }

    public record Day(LocalDate date, String label, String shortLabel, double x, double width, boolean today) {
    }

    public record Hour(String label, double y) {
    }

    /** @param index the calendar's place in the group: its colour ({@code cal-N}) and its column in every day */
    public record Calendar(int index, String key, String name, String accountLabel) {
        public int colour() {
            return index % 6;
        }
    }

    /**
     * One drawn piece of an event or block (an event over midnight is drawn in each day it touches).
     *
     * @param calendar   the index of the calendar it is on
     * @param block      true for a block calsync keeps there, false for the calendar's own busy event
     * @param allDay     drawn in the all-day strip
     * @param occurrence the same for every piece of one occurrence (its calendar, kind and times)
     * @param label      what a tooltip and a screen reader say: never the title of a block's source
     */
    public record Item(int calendar, String calendarKey, boolean block, boolean allDay, double x, double y,
                       double width, double height, Instant start, Instant end, String occurrence, String label) {
    }

    public record NowLine(double x1, double x2, double y) {
    }
}
