package dev.calsync.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An event as a provider reports it, reduced to what decides busy time.
 * A cancelled event may carry nothing but its id (and, for an instance, its series and original start),
 * so start and end may be null then.
 *
 * @param recurrence         RRULE/EXDATE/RDATE lines of a series; empty for single events and exceptions
 * @param recurringEventId   the series id when this is a modified or cancelled occurrence, else null
 * @param originalStartTime  the occurrence's start in the series when this is an exception, else null
 * @param kind               what kind of entry it is (the adapter maps its provider's event types)
 * @param selfResponse       the owner's response when the owner is an attendee, else null
 * @param privateProperties  the properties only calsync reads (the calsync marker lives here)
 * @param meetingId          the id one meeting keeps on every calendar it is on (iCalendar UID), or null
 */
public record SourceEvent(
        String id,
        EventStatus status,
        EventTime start,
        EventTime end,
        boolean transparent,
        EventKind kind,
        ResponseStatus selfResponse,
        List<String> recurrence,
        String recurringEventId,
        EventTime originalStartTime,
        String summary,
        Map<String, String> privateProperties,
        Instant updated,
        String meetingId) {

    public SourceEvent {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("event without id");
        }
        status = status == null ? EventStatus.CONFIRMED : status;
        kind = kind == null ? EventKind.DEFAULT : kind;
        recurrence = recurrence == null ? List.of() : List.copyOf(recurrence);
        privateProperties = privateProperties == null ? Map.of() : Map.copyOf(privateProperties);
    }

    public boolean cancelled() {
        return status == EventStatus.CANCELLED;
    }

    public boolean isSeries() {
        return !recurrence.isEmpty();
    }

    public boolean isException() {
        return recurringEventId != null;
    }

    /** A confirmed single event with the given times: the common case in tests and tools. */
    public static SourceEvent timed(String id, Instant start, Instant end) {
        return new SourceEvent(id, EventStatus.CONFIRMED, EventTime.at(start, "UTC"), EventTime.at(end, "UTC"),
                false, EventKind.DEFAULT, null, List.of(), null, null, null, Map.of(), null, null);
    }

    public static SourceEvent cancelled(String id) {
        return new SourceEvent(id, EventStatus.CANCELLED, null, null, false, null, null, List.of(), null, null,
                null, Map.of(), null, null);
    }

    public SourceEvent withStatus(EventStatus newStatus) {
        return new SourceEvent(id, newStatus, start, end, transparent, kind, selfResponse, recurrence,
                recurringEventId, originalStartTime, summary, privateProperties, updated, meetingId);
    }
}
