package dev.calsync.google;

import com.google.api.client.util.Data;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import dev.calsync.core.event.EventKind;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Google's {@link Event} → core's {@link SourceEvent}, tolerant of everything Google may omit or add.
 *
 * <p>Two kinds of broken items, two answers:
 * <ul>
 *   <li>no id: skipped ({@link Optional#empty()}); nothing can refer to it, no block derives from it;</li>
 *   <li>a live (not cancelled) event without a readable start or end: {@link MalformedEventException},
 *       and the caller rejects the whole list. Skipping it instead would make a full reconcile believe
 *       the event is gone and delete its blocks; nothing may be concluded from a broken answer.</li>
 * </ul>
 * Unknown values (a new eventType, a new responseStatus, a new status) never fail: an unknown event type counts
 * as an ordinary event, an unknown response as no response, an unknown status as confirmed (busy is the safe side).
 */
final class GoogleEventMapper {

    /** A live event we cannot place in time. The message names the problem, never event content. */
    static final class MalformedEventException extends Exception {
        MalformedEventException(String problem) {
            super(problem);
        }
    }

    private GoogleEventMapper() {
    }

    static Optional<SourceEvent> toSourceEvent(Event event) throws MalformedEventException {
        String id = event.getId();
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        EventStatus status = statusOf(event.getStatus());
        boolean cancelled = status == EventStatus.CANCELLED;
        EventTime start = timeOf(event.getStart(), "start", cancelled);
        EventTime end = timeOf(event.getEnd(), "end", cancelled);
        if (!cancelled && (start == null || end == null)) {
            throw new MalformedEventException("event " + id + " has no " + (start == null ? "start" : "end"));
        }
        return Optional.of(new SourceEvent(
                id,
                status,
                start,
                end,
                "transparent".equals(event.getTransparency()),
                kindOf(event.getEventType()),
                selfResponse(event.getAttendees()),
                nonNull(event.getRecurrence()),
                blankToNull(event.getRecurringEventId()),
                timeOf(event.getOriginalStartTime(), "originalStartTime", true),
                event.getSummary(),
                privateProperties(event),
                instantOf(event.getUpdated()),
                blankToNull(event.getICalUID())));
    }

    /** Google's eventType in core's words; a type Google adds later counts as an ordinary event (busy). */
    static EventKind kindOf(String eventType) {
        if (eventType == null) {
            return EventKind.DEFAULT;
        }
        return switch (eventType) {
            case "outOfOffice" -> EventKind.OUT_OF_OFFICE;
            case "focusTime" -> EventKind.FOCUS_TIME;
            case "workingLocation" -> EventKind.WORKING_LOCATION;
            case "birthday" -> EventKind.BIRTHDAY;
            default -> EventKind.DEFAULT;
        };
    }

    static EventStatus statusOf(String status) {
        if (status == null) {
            return EventStatus.CONFIRMED;
        }
        return switch (status) {
            case "cancelled" -> EventStatus.CANCELLED;
            case "tentative" -> EventStatus.TENTATIVE;
            default -> EventStatus.CONFIRMED;
        };
    }

    /**
     * A start or end: {@code dateTime} (+ optional {@code timeZone}) or all-day {@code date}.
     * When {@code lenient}, an unreadable value becomes null instead of an error (cancelled events and the
     * original start, which decide nothing about busy time on their own).
     */
    static EventTime timeOf(EventDateTime time, String field, boolean lenient) throws MalformedEventException {
        if (time == null) {
            return null;
        }
        try {
            DateTime dateTime = time.getDateTime();
            if (dateTime != null) {
                if (dateTime.isDateOnly()) {
                    return EventTime.on(LocalDate.parse(dateTime.toStringRfc3339()));
                }
                return EventTime.at(Instant.ofEpochMilli(dateTime.getValue()), blankToNull(time.getTimeZone()));
            }
            DateTime date = time.getDate();
            if (date != null) {
                // Rejects a "date" that carries a time of day: an all-day value must be a plain date.
                return EventTime.on(LocalDate.parse(date.toStringRfc3339()));
            }
            return null;
        } catch (DateTimeParseException e) {
            if (lenient) {
                return null;
            }
            throw new MalformedEventException("unreadable " + field);
        }
    }

    /** The owner's answer; an unknown value means "no answer we understand", never a failure. */
    static ResponseStatus selfResponse(List<EventAttendee> attendees) {
        if (attendees == null) {
            return null;
        }
        for (EventAttendee attendee : attendees) {
            if (attendee != null && Boolean.TRUE.equals(attendee.getSelf())) {
                return responseOf(attendee.getResponseStatus());
            }
        }
        return null;
    }

    static ResponseStatus responseOf(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "needsAction" -> ResponseStatus.NEEDS_ACTION;
            case "declined" -> ResponseStatus.DECLINED;
            case "tentative" -> ResponseStatus.TENTATIVE;
            case "accepted" -> ResponseStatus.ACCEPTED;
            default -> null;
        };
    }

    private static Map<String, String> privateProperties(Event event) {
        if (event.getExtendedProperties() == null || event.getExtendedProperties().getPrivate() == null) {
            return Map.of();
        }
        // JSON may carry null values (the client turns them into Data's null markers); core's records copy
        // maps with Map.copyOf, which refuses nulls, and a null marker is no value we could match anyway.
        Map<String, String> copy = new HashMap<>();
        event.getExtendedProperties().getPrivate().forEach((key, value) -> {
            if (key != null && value != null && !Data.isNull(value)) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    private static List<String> nonNull(List<String> lines) {
        if (lines == null) {
            return List.of();
        }
        List<String> copy = new ArrayList<>(lines);
        copy.removeIf(line -> line == null || Data.isNull(line));
        return copy;
    }

    private static Instant instantOf(DateTime dateTime) {
        return dateTime == null ? null : Instant.ofEpochMilli(dateTime.getValue());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
