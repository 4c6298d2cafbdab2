package dev.calsync.core.event;

/**
 * What kind of entry an event is, as far as busy time cares. Each adapter maps its provider's words (an event
 * type, a show-as value, a component property) onto these; anything it does not know is {@link #DEFAULT}.
 */
public enum EventKind {
    /** An ordinary meeting or appointment. */
    DEFAULT,
    /** The owner is away: blocks like any busy event. */
    OUT_OF_OFFICE,
    /** Time the owner keeps for work: blocks like any busy event. */
    FOCUS_TIME,
    /** Where the owner works that day: describes the day rather than occupying it. */
    WORKING_LOCATION,
    /** A birthday or anniversary shown on the calendar: describes the day rather than occupying it. */
    BIRTHDAY;

    /** True for entries that describe a day rather than occupy time: they never make anyone busy. */
    public boolean describesTheDay() {
        return this == WORKING_LOCATION || this == BIRTHDAY;
    }
}
