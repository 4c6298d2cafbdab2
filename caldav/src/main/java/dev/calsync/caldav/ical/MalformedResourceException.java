package dev.calsync.caldav.ical;

/** A resource that is no iCalendar we can read. The message names the problem, never the content. */
public class MalformedResourceException extends Exception {
    public MalformedResourceException(String problem) {
        super(problem);
    }

    public MalformedResourceException(String problem, Throwable cause) {
        super(problem, cause);
    }
}
