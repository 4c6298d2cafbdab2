package dev.calsync.core.recurrence;

import dev.calsync.core.event.EventTime;

/**
 * One occurrence of a series as its rule places it, before exceptions are applied.
 *
 * @param originalStart the start that names the occurrence in its series
 */
public record Occurrence(EventTime originalStart, EventTime start, EventTime end) {
}
