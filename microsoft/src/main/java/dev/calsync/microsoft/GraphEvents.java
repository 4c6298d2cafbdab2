package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calsync.core.event.EventKind;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Graph event (single, occurrence, exception or series master) → core's {@link SourceEvent}, tolerant of
 * everything Graph may omit or add. Busy semantics: {@code showAs} free is transparent, tentative is a tentative
 * event, oof is away (busy), workingElsewhere describes the day; {@code isCancelled} cancels; the mailbox owner's
 * {@code responseStatus} is the self response; {@code iCalUId} names the meeting. Unknown values never fail: they
 * count as an ordinary busy event.
 *
 * <p>An item without id is skipped ({@link Optional#empty()}); a live item without readable times is a
 * {@link MalformedEventException}, and the caller rejects the whole answer, since skipping it would make a full
 * read believe the event is gone.
 */
final class GraphEvents {

    /** A live event we cannot place in time. The message names the problem, never event content. */
    static final class MalformedEventException extends Exception {
        MalformedEventException(String problem) {
            super(problem);
        }
    }

    private GraphEvents() {
    }

    /**
     * @param marker  the block marker the event carries (empty for anything but a block); its colour counts only
     *                while the block still carries the category written for it ({@link BlockCategory#asSeen})
     * @param written how calsync wrote it, for a block; null when unknown
     */
    static Optional<SourceEvent> read(JsonNode item, Map<String, String> marker, WrittenForm written)
            throws MalformedEventException {
        String id = item.path("id").asText("");
        if (id.isBlank()) {
            return Optional.empty();
        }
        boolean cancelled = item.path("isCancelled").asBoolean(false);
        boolean allDay = item.path("isAllDay").asBoolean(false);
        String startZone = written != null ? written.startZone() : zoneLabel(item.path("originalStartTimeZone"));
        String endZone = written != null ? written.endZone() : zoneLabel(item.path("originalEndTimeZone"));
        EventTime start = GraphTimes.read(item.path("start"), allDay, startZone);
        EventTime end = GraphTimes.read(item.path("end"), allDay, endZone);
        if (!cancelled && (start == null || end == null)) {
            throw new MalformedEventException("event " + id + " has no readable " + (start == null ? "start" : "end"));
        }
        String showAs = item.path("showAs").asText("busy");
        Map<String, String> seen = BlockCategory.asSeen(marker, written, item.path("categories"));
        return Optional.of(new SourceEvent(
                id,
                cancelled ? EventStatus.CANCELLED : "tentative".equals(showAs) ? EventStatus.TENTATIVE
                        : EventStatus.CONFIRMED,
                start,
                end,
                "free".equals(showAs),
                kindOf(showAs),
                responseOf(item.path("responseStatus").path("response").asText(null)),
                List.of(),
                text(item, "seriesMasterId"),
                originalStart(item, allDay, startZone),
                item.path("subject").asText(null),
                seen,
                GraphTimes.instant(text(item, "lastModifiedDateTime")),
                text(item, "iCalUId")));
    }

    /** The same event seen otherwise: as a series with these lines, or on its own (not part of any series). */
    static SourceEvent with(SourceEvent event, List<String> recurrence, String recurringEventId,
                            EventTime originalStart) {
        return new SourceEvent(event.id(), event.status(), event.start(), event.end(), event.transparent(),
                event.kind(), event.selfResponse(), recurrence, recurringEventId, originalStart, event.summary(),
                event.privateProperties(), event.updated(), event.meetingId());
    }

    /** A Graph type that describes the day (working elsewhere) or takes it (away); anything else is ordinary. */
    static EventKind kindOf(String showAs) {
        return switch (showAs) {
            case "oof" -> EventKind.OUT_OF_OFFICE;
            case "workingElsewhere" -> EventKind.WORKING_LOCATION;
            default -> EventKind.DEFAULT;
        };
    }

    /** The owner's answer; "organizer" and "none" mean the owner is not an invitee, unknown values no answer. */
    static ResponseStatus responseOf(String response) {
        if (response == null) {
            return null;
        }
        return switch (response) {
            case "accepted" -> ResponseStatus.ACCEPTED;
            case "tentativelyAccepted" -> ResponseStatus.TENTATIVE;
            case "declined" -> ResponseStatus.DECLINED;
            case "notResponded" -> ResponseStatus.NEEDS_ACTION;
            default -> null;
        };
    }

    /** The IANA name of the zone the event was written in, or null when Graph named one this adapter cannot map. */
    private static String zoneLabel(JsonNode zoneName) {
        return WindowsZones.ianaOf(zoneName.asText(null)).orElse(null);
    }

    /** Where an occurrence or exception sits in its series; an all-day series names it by its date. */
    private static EventTime originalStart(JsonNode item, boolean allDay, String zoneLabel) {
        Instant original = GraphTimes.instant(text(item, "originalStart"));
        if (original == null) {
            return null;
        }
        if (allDay) {
            ZoneId zone = zoneLabel == null ? ZoneOffset.UTC : ZoneId.of(zoneLabel);
            return EventTime.on(LocalDate.ofInstant(original, zone));
        }
        return EventTime.at(original, zoneLabel);
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
