package dev.calsync.core.recurrence;

/** A recurrence the expander cannot read; the series is reported, never silently dropped. */
public class UnsupportedRecurrenceException extends RuntimeException {
    public UnsupportedRecurrenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
