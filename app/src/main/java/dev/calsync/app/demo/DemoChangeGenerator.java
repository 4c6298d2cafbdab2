package dev.calsync.app.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.emulator.graph.GraphEmulator;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes the demo move: at a fixed rate, one realistic edit on a random sample calendar, as its owner would make it
 * in Google Calendar or Outlook (a new meeting, a move, a cancellation or a declined invitation). Goes straight into
 * the emulator, like a person's edit, so calsync sees it on its next poll.
 */
@Component
@Profile("demo")
public class DemoChangeGenerator {
    private static final System.Logger LOG = System.getLogger(DemoChangeGenerator.class.getName());
    private static final List<String> MEETINGS = List.of("Design review", "Customer call", "Coffee chat",
            "Budget sync", "Interview", "Dentist", "Team lunch", "Pairing session");

    private final GoogleCalendarEmulator emulator;
    private final Duration interval;
    private final Random random = new Random();
    private final OutlookDemoChanges outlook;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "calsync-demo-changes");
        thread.setDaemon(true);
        return thread;
    });

    public DemoChangeGenerator(GoogleCalendarEmulator emulator, GraphEmulator graph,
                               @Value("${calsync.demo.change-interval:60s}") Duration interval) {
        this.emulator = emulator;
        this.interval = interval;
        this.outlook = new OutlookDemoChanges(graph, random);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        timer.scheduleAtFixedRate(this::changeSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @jakarta.annotation.PreDestroy
    public void stop() {
        timer.shutdownNow();
    }

    private void changeSafely() {
        try {
            LOG.log(Level.INFO, "demo change: {0}", change());
        } catch (RuntimeException e) {
            // A failed edit must not stop the timer: the next one will do.
            LOG.log(Level.WARNING, "demo change failed: {0}", e.toString());
        }
    }

    /** One edit; returns what it did, for the log. */
    String change() {
        List<String> calendars = emulator.accountIds().stream()
                .flatMap(account -> emulator.calendarIdsOf(account).stream()).toList();
        List<String> outlookCalendars = outlook.calendars();
        int pick = random.nextInt(calendars.size() + outlookCalendars.size());
        if (pick >= calendars.size()) {
            return outlook.change(outlookCalendars.get(pick - calendars.size()), MEETINGS);
        }
        String calendar = calendars.get(pick);
        List<ObjectNode> movable = emulator.userListAll(calendar, false).stream()
                .filter(DemoChangeGenerator::plainUpcomingMeeting).toList();
        int kind = movable.isEmpty() ? 0 : random.nextInt(4);
        if (kind == 0) {
            return insert(calendar);
        }
        ObjectNode event = movable.get(random.nextInt(movable.size()));
        String id = event.get("id").asText();
        String summary = event.path("summary").asText("(no title)");
        switch (kind) {
            case 1 -> {
                Instant start = instant(event, "/start/dateTime").plus(Duration.ofMinutes(30));
                Instant end = instant(event, "/end/dateTime").plus(Duration.ofMinutes(30));
                ObjectNode patch = JsonNodeFactory.instance.objectNode();
                patch.putObject("start").put("dateTime", start.toString());
                patch.putObject("end").put("dateTime", end.toString());
                emulator.userPatch(calendar, id, patch);
                return "moved '" + summary + "' on " + calendar + " by 30 minutes";
            }
            case 2 -> {
                emulator.userDelete(calendar, id);
                return "cancelled '" + summary + "' on " + calendar;
            }
            default -> {
                ObjectNode patch = JsonNodeFactory.instance.objectNode();
                var attendees = patch.putArray("attendees");
                attendees.addObject().put("email", calendar).put("responseStatus", "declined");
                attendees.addObject().put("email", "organizer@example.com").put("responseStatus", "accepted");
                emulator.userPatch(calendar, id, patch);
                return "declined '" + summary + "' on " + calendar;
            }
        }
    }

    private String insert(String calendar) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS)
                .plus(Duration.ofHours(2 + random.nextInt(24 * 10)));
        String summary = MEETINGS.get(random.nextInt(MEETINGS.size()));
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("summary", summary);
        event.putObject("start").put("dateTime", start.toString());
        event.putObject("end").put("dateTime", start.plus(Duration.ofMinutes(30 + 30 * random.nextInt(3))).toString());
        emulator.userInsert(calendar, event);
        return "new meeting '" + summary + "' on " + calendar + " at " + start;
    }

    private static Instant instant(ObjectNode event, String pointer) {
        return java.time.OffsetDateTime.parse(event.at(pointer).asText()).toInstant();
    }

    /** Timed, single, upcoming and not a calsync block: the kind of event a person moves or cancels. */
    private static boolean plainUpcomingMeeting(ObjectNode event) {
        return !event.has("recurrence") && !event.has("recurringEventId")
                && event.at("/start/dateTime").isTextual()
                && !event.at("/extendedProperties/private/calsync").isTextual()
                && instant(event, "/start/dateTime").isAfter(Instant.now())
                && !"declined".equals(event.at("/attendees/0/responseStatus").asText());
    }
}
