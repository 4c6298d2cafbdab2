package dev.calsync.app.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.GraphEmulator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * The demo's edits on its Microsoft 365 calendars, as their owner would make them in Outlook: a new meeting, a move,
 * a cancellation or a declined invitation, straight into the Graph emulator.
 */
final class OutlookDemoChanges {
    private final GraphEmulator graph;
    private final Random random;

    OutlookDemoChanges(GraphEmulator graph, Random random) {
        this.graph = graph;
        this.random = random;
    }

    List<String> calendars() {
        return graph.mailboxIds().stream().flatMap(mailbox -> graph.calendarIdsOf(mailbox).stream()).toList();
    }

    /** One edit on {@code calendar}; returns what it did, for the log. */
    String change(String calendar, List<String> meetings) {
        Instant now = Instant.now();
        List<ObjectNode> movable = graph.userCalendarView(calendar, now, now.plus(Duration.ofDays(14))).stream()
                .filter(OutlookDemoChanges::plainMeeting).toList();
        int kind = movable.isEmpty() ? 0 : random.nextInt(4);
        if (kind == 0) {
            Instant start = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(2 + random.nextInt(24 * 10)));
            String subject = meetings.get(random.nextInt(meetings.size()));
            ObjectNode event = times(start, start.plus(Duration.ofMinutes(30 + 30 * random.nextInt(3))));
            graph.userCreate(calendar, event.put("subject", subject));
            return "new meeting '" + subject + "' on Outlook at " + start;
        }
        ObjectNode event = movable.get(random.nextInt(movable.size()));
        String id = event.path("id").asText();
        String subject = event.path("subject").asText("(no title)");
        switch (kind) {
            case 1 -> {
                Instant start = instant(event, "start").plus(Duration.ofMinutes(30));
                graph.userPatch(calendar, id, times(start, instant(event, "end").plus(Duration.ofMinutes(30))));
                return "moved '" + subject + "' on Outlook by 30 minutes";
            }
            case 2 -> {
                graph.userDelete(calendar, id);
                return "cancelled '" + subject + "' on Outlook";
            }
            default -> {
                ObjectNode declined = JsonNodeFactory.instance.objectNode().put("isOrganizer", false);
                declined.putObject("organizer").putObject("emailAddress").put("address", "organizer@example.com");
                declined.putObject("responseStatus").put("response", "declined").put("time", now.toString());
                graph.userPatch(calendar, id, declined);
                return "declined '" + subject + "' on Outlook";
            }
        }
    }

    private static ObjectNode times(Instant start, Instant end) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.putObject("start").put("dateTime", LocalDateTime.ofInstant(start, ZoneOffset.UTC).toString())
                .put("timeZone", "UTC");
        event.putObject("end").put("dateTime", LocalDateTime.ofInstant(end, ZoneOffset.UTC).toString())
                .put("timeZone", "UTC");
        return event;
    }

    /** Graph answers in UTC: a local date-time in the zone it names. */
    private static Instant instant(ObjectNode event, String field) {
        return LocalDateTime.parse(event.path(field).path("dateTime").asText()).toInstant(ZoneOffset.UTC);
    }

    /** A single upcoming meeting the owner accepted or organised, and not a calsync block (those are private and busy). */
    private static boolean plainMeeting(ObjectNode event) {
        return "singleInstance".equals(event.path("type").asText())
                && !"private".equals(event.path("sensitivity").asText())
                && !event.path("isAllDay").asBoolean(false)
                && !"declined".equals(event.at("/responseStatus/response").asText());
    }
}
