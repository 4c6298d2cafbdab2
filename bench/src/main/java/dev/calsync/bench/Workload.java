package dev.calsync.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated people: a pure function of (seed, user index, options), so every mode replays exactly the same
 * calendars, changes and faults, and users can be generated one batch at a time without keeping the others.
 *
 * <p>A user has 2–4 calendars over 1–3 accounts, and enough busy items that the naive poller writes about 136
 * blocks per poll (busy items × (calendars − 1)): timed meetings over the two weeks around the start, a few busy
 * all-day events, 2–4 weekly series with a moved and a cancelled occurrence, plus events that make no block
 * (shown as free, declined). A day brings {@code changesPerUserDay} changes at random times, mostly in working
 * hours, and token expiries and rate-limit bursts at their configured rates.
 */
public final class Workload {
    /** The simulated "now" at which every run starts: a Monday, midnight UTC. */
    public static final Instant START = Instant.parse("2025-03-03T00:00:00Z");
    /** Blocks the old poller rewrote per sync in the seed's measurement. */
    static final int TARGET_BLOCKS = 136;
    private static final DateTimeFormatter INSTANCE_SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Workload() {
    }

    public record Account(String id, String token) {
    }

    public record Cal(String accountId, String calendarId) {
    }

    /**
     * One event as the person keeps it. {@code rrule} makes it a weekly series; an occurrence override has
     * {@code recurringEventId} set and its id is the instance id.
     */
    public record EventSpec(String id, String calendarId, String summary, Instant start, Instant end, boolean allDay,
                            boolean transparent, boolean declined, String rrule, String recurringEventId) {

        public boolean busy() {
            return !transparent && !declined;
        }

        EventSpec moved(Instant newStart, Instant newEnd) {
            return new EventSpec(id, calendarId, summary, newStart, newEnd, allDay, transparent, declined, rrule,
                    recurringEventId);
        }

        EventSpec renamed(String newSummary) {
            return new EventSpec(id, calendarId, newSummary, start, end, allDay, transparent, declined, rrule,
                    recurringEventId);
        }

        EventSpec declinedByOwner() {
            return new EventSpec(id, calendarId, summary, start, end, allDay, transparent, true, rrule, recurringEventId);
        }

        EventSpec shownAsFree() {
            return new EventSpec(id, calendarId, summary, start, end, allDay, true, declined, rrule, recurringEventId);
        }

        /** The body a person's calendar client would send. */
        public ObjectNode toJson() {
            ObjectNode event = JsonNodeFactory.instance.objectNode();
            if (recurringEventId == null) {
                event.put("id", id);
            }
            event.put("summary", summary);
            event.set("start", time(start));
            event.set("end", time(end));
            if (transparent) {
                event.put("transparency", "transparent");
            }
            if (declined) {
                ArrayNode attendees = event.putArray("attendees");
                attendees.addObject().put("email", "organizer@elsewhere.example").put("responseStatus", "accepted");
                attendees.addObject().put("email", calendarId).put("responseStatus", "declined");
            }
            if (rrule != null) {
                event.putArray("recurrence").add(rrule);
            }
            return event;
        }

        private ObjectNode time(Instant instant) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            if (allDay) {
                node.put("date", LocalDate.ofInstant(instant, ZoneOffset.UTC).toString());
            } else {
                node.put("dateTime", instant.toString());
                node.put("timeZone", "UTC");
            }
            return node;
        }
    }

    public enum ChangeKind { NEW_MEETING, MOVE, CANCEL, DECLINE, MARK_FREE, RENAME, OCCURRENCE_MOVE, OCCURRENCE_CANCEL, SERIES_EDIT }

    /**
     * One edit a person makes. {@code body} null means delete {@code eventId}; otherwise insert (when
     * {@code insert}) or replace it. {@code affectsBlocks}: the source's blocks must change (1 change × targets
     * in the lower bound); a rename of a busy event changes nothing a block shows.
     */
    public record Change(Instant at, ChangeKind kind, String calendarId, String eventId, EventSpec body, boolean insert,
                         boolean affectsBlocks) {
    }

    public enum FaultKind { TOKEN_EXPIRY, RATE_LIMIT_BURST }

    /** A fault armed at {@code at}: a calendar's sync token expires, or an account's next calls get 403. */
    public record Fault(Instant at, FaultKind kind, String accountId, String calendarId) {
    }

    public record User(int index, List<Account> accounts, List<Cal> calendars, List<EventSpec> initialEvents,
                       List<Change> changes, List<Fault> faults) {

        public int targets() {
            return calendars.size() - 1;
        }

        public String accountOf(String calendarId) {
            return calendars.stream().filter(c -> c.calendarId().equals(calendarId)).findFirst().orElseThrow().accountId();
        }
    }

    /** User {@code index} of the workload of {@code options.seed()}; the same arguments give an equal user. */
    public static User user(BenchOptions options, int index) {
        return new Generator(options, index).generate();
    }

    public static String instanceId(String seriesId, Instant originalStart) {
        return seriesId + "_" + INSTANCE_SUFFIX.format(originalStart);
    }

    /** The original start an {@link #instanceId} names. */
    static Instant originalStartOf(String instanceId) {
        return INSTANCE_SUFFIX.parse(instanceId.substring(instanceId.lastIndexOf('_') + 1), Instant::from);
    }

    private static final class Generator {
        private final BenchOptions options;
        private final int index;
        private final Random random;
        private final String prefix;
        private int nextId;
        // The person's calendars as the generator tracks them while writing the day's changes.
        private final List<EventSpec> busySingles = new ArrayList<>();
        private final Map<String, EventSpec> series = new HashMap<>();
        private final List<String> seriesIds = new ArrayList<>();
        private final Map<String, EventSpec> overrides = new HashMap<>();
        private final Set<String> cancelledOccurrences = new HashSet<>();

        Generator(BenchOptions options, int index) {
            this.options = options;
            this.index = index;
            long mixed = new SplittableRandom(options.seed()).split().nextLong() ^ (0x9E3779B97F4A7C15L * (index + 1));
            this.random = new Random(mixed);
            this.prefix = "u" + index;
        }

        User generate() {
            int calendarCount = pick(new int[] {2, 3, 4}, new int[] {20, 45, 35});
            int accountCount = 1 + random.nextInt(Math.min(3, calendarCount));
            List<Account> accounts = new ArrayList<>();
            for (int a = 0; a < accountCount; a++) {
                String id = prefix + "a" + a;
                accounts.add(new Account(id, "tok-" + id + "-" + Integer.toHexString(random.nextInt())));
            }
            List<Cal> calendars = new ArrayList<>();
            for (int c = 0; c < calendarCount; c++) {
                String account = c < accountCount ? accounts.get(c).id() : accounts.get(random.nextInt(accountCount)).id();
                calendars.add(new Cal(account, prefix + "c" + c + "@bench.example"));
            }
            List<EventSpec> initial = initialEvents(calendars);
            List<Change> changes = changes(calendars);
            List<Fault> faults = faults(accounts, calendars);
            return new User(index, List.copyOf(accounts), List.copyOf(calendars), List.copyOf(initial),
                    List.copyOf(changes), List.copyOf(faults));
        }

        private List<EventSpec> initialEvents(List<Cal> calendars) {
            int targets = calendars.size() - 1;
            int busyItems = Math.round((float) TARGET_BLOCKS / targets);
            int seriesCount = 2 + random.nextInt(3);
            int allDayBusy = 1 + random.nextInt(2);
            int singles = busyItems - seriesCount - allDayBusy;
            List<EventSpec> events = new ArrayList<>();
            for (int i = 0; i < seriesCount; i++) {
                String calendar = calendarOf(calendars);
                Instant start = START.minus(Duration.ofDays(1 + random.nextInt(7)))
                        .plus(Duration.ofHours(9 + random.nextInt(8)));
                EventSpec s = new EventSpec(newId(), calendar, "Weekly " + i, start,
                        start.plus(Duration.ofMinutes(random.nextBoolean() ? 30 : 60)), false, false, false,
                        "RRULE:FREQ=WEEKLY", null);
                events.add(s);
                series.put(s.id(), s);
                seriesIds.add(s.id());
                // One moved occurrence (next week) and, for every other series, one cancelled one.
                Instant moved = nextOccurrence(s, START.plus(Duration.ofDays(1)));
                EventSpec override = new EventSpec(instanceId(s.id(), moved), calendar, s.summary(),
                        moved.plus(Duration.ofHours(1)), moved.plus(Duration.ofHours(1)).plus(Duration.between(s.start(), s.end())),
                        false, false, false, null, s.id());
                events.add(override);
                overrides.put(override.id(), override);
                if (i % 2 == 0) {
                    Instant cancelled = moved.plus(Duration.ofDays(14));
                    String instance = instanceId(s.id(), cancelled);
                    cancelledOccurrences.add(instance);
                    // A cancelled occurrence: deleted through its instance id after the series exists.
                    events.add(new EventSpec(instance, calendar, null, cancelled, cancelled, false, false, false,
                            null, s.id()));
                }
            }
            for (int i = 0; i < allDayBusy; i++) {
                Instant day = workday(-7, 14).truncatedTo(ChronoUnit.DAYS);
                events.add(new EventSpec(newId(), calendarOf(calendars), "Offsite", day, day.plus(Duration.ofDays(1)),
                        true, false, false, null, null));
            }
            Instant holiday = workday(-7, 14).truncatedTo(ChronoUnit.DAYS);
            events.add(new EventSpec(newId(), calendarOf(calendars), "Holiday", holiday, holiday.plus(Duration.ofDays(1)),
                    true, true, false, null, null));
            for (int i = 0; i < singles; i++) {
                EventSpec meeting = meeting(calendarOf(calendars), workday(-7, 14));
                events.add(meeting);
                busySingles.add(meeting);
            }
            // Events that make no block: shown as free, or declined.
            int free = Math.max(2, singles / 12);
            for (int i = 0; i < free; i++) {
                events.add(meeting(calendarOf(calendars), workday(-7, 14)).shownAsFree());
            }
            int declined = Math.max(1, singles / 20);
            for (int i = 0; i < declined; i++) {
                events.add(meeting(calendarOf(calendars), workday(-7, 14)).declinedByOwner());
            }
            return events;
        }

        private List<Change> changes(List<Cal> calendars) {
            List<Instant> times = new ArrayList<>();
            for (int day = 0; day < options.days(); day++) {
                Instant dayStart = START.plus(Duration.ofDays(day));
                int count = count(options.changesPerUserDay());
                for (int i = 0; i < count; i++) {
                    times.add(dayStart.plusSeconds(randomSecondOfDay()));
                }
            }
            times.sort(Comparator.naturalOrder());
            List<Change> changes = new ArrayList<>();
            for (Instant at : times) {
                changes.add(change(at, calendars));
            }
            return changes;
        }

        private Change change(Instant at, List<Cal> calendars) {
            ChangeKind kind = ChangeKind.values()[pick(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8},
                    new int[] {28, 22, 12, 7, 5, 5, 11, 5, 5})];
            boolean needsSingle = kind == ChangeKind.MOVE || kind == ChangeKind.CANCEL || kind == ChangeKind.DECLINE
                    || kind == ChangeKind.MARK_FREE || kind == ChangeKind.RENAME;
            if (needsSingle && busySingles.isEmpty() || !needsSingle && kind != ChangeKind.NEW_MEETING && seriesIds.isEmpty()) {
                kind = ChangeKind.NEW_MEETING;
            }
            switch (kind) {
                case NEW_MEETING -> {
                    Instant day = at.truncatedTo(ChronoUnit.DAYS);
                    EventSpec meeting = meeting(calendarOf(calendars), workdayFrom(day, 0, 10));
                    busySingles.add(meeting);
                    return new Change(at, kind, meeting.calendarId(), meeting.id(), meeting, true, true);
                }
                case MOVE -> {
                    int i = random.nextInt(busySingles.size());
                    EventSpec before = busySingles.get(i);
                    long shift = (1 + random.nextInt(48)) * 30L * (random.nextBoolean() ? 1 : -1);
                    EventSpec after = before.moved(before.start().plus(Duration.ofMinutes(shift)),
                            before.end().plus(Duration.ofMinutes(shift)));
                    busySingles.set(i, after);
                    return new Change(at, kind, after.calendarId(), after.id(), after, false, true);
                }
                case CANCEL -> {
                    EventSpec gone = busySingles.remove(random.nextInt(busySingles.size()));
                    return new Change(at, kind, gone.calendarId(), gone.id(), null, false, true);
                }
                case DECLINE -> {
                    EventSpec after = busySingles.remove(random.nextInt(busySingles.size())).declinedByOwner();
                    return new Change(at, kind, after.calendarId(), after.id(), after, false, true);
                }
                case MARK_FREE -> {
                    EventSpec after = busySingles.remove(random.nextInt(busySingles.size())).shownAsFree();
                    return new Change(at, kind, after.calendarId(), after.id(), after, false, true);
                }
                case RENAME -> {
                    int i = random.nextInt(busySingles.size());
                    EventSpec after = busySingles.get(i).renamed("Renamed " + nextId);
                    busySingles.set(i, after);
                    return new Change(at, kind, after.calendarId(), after.id(), after, false, false);
                }
                case OCCURRENCE_MOVE, OCCURRENCE_CANCEL -> {
                    EventSpec s = series.get(seriesIds.get(random.nextInt(seriesIds.size())));
                    Instant original = nextOccurrence(s, at.plus(Duration.ofDays(1)))
                            .plus(Duration.ofDays(7L * random.nextInt(3)));
                    String instance = instanceId(s.id(), original);
                    while (cancelledOccurrences.contains(instance)) {
                        original = original.plus(Duration.ofDays(7));
                        instance = instanceId(s.id(), original);
                    }
                    if (kind == ChangeKind.OCCURRENCE_CANCEL) {
                        cancelledOccurrences.add(instance);
                        overrides.remove(instance);
                        return new Change(at, kind, s.calendarId(), instance, null, false, true);
                    }
                    EventSpec current = overrides.get(instance);
                    Instant newStart = (current == null ? original : current.start()).plus(Duration.ofMinutes(30));
                    EventSpec override = new EventSpec(instance, s.calendarId(), s.summary(), newStart,
                            newStart.plus(Duration.between(s.start(), s.end())), false, false, false, null, s.id());
                    overrides.put(instance, override);
                    return new Change(at, kind, s.calendarId(), instance, override, false, true);
                }
                case SERIES_EDIT -> {
                    // "All events": a new length for the whole series; its occurrence overrides keep their own times.
                    EventSpec s = series.get(seriesIds.get(random.nextInt(seriesIds.size())));
                    long minutes = Duration.between(s.start(), s.end()).toMinutes() == 30 ? 60 : 30;
                    EventSpec after = s.moved(s.start(), s.start().plus(Duration.ofMinutes(minutes)));
                    series.put(after.id(), after);
                    return new Change(at, kind, after.calendarId(), after.id(), after, false, true);
                }
                default -> throw new IllegalStateException(kind.name());
            }
        }

        private List<Fault> faults(List<Account> accounts, List<Cal> calendars) {
            List<Fault> faults = new ArrayList<>();
            for (int day = 0; day < options.days(); day++) {
                Instant dayStart = START.plus(Duration.ofDays(day));
                int expiries = count(options.tokenExpiriesPerDay());
                for (int i = 0; i < expiries; i++) {
                    Cal cal = calendars.get(random.nextInt(calendars.size()));
                    faults.add(new Fault(dayStart.plusSeconds(random.nextInt(86_400)), FaultKind.TOKEN_EXPIRY,
                            cal.accountId(), cal.calendarId()));
                }
                int bursts = count(options.rateLimitBurstsPerDay());
                for (int i = 0; i < bursts; i++) {
                    faults.add(new Fault(dayStart.plusSeconds(random.nextInt(86_400)), FaultKind.RATE_LIMIT_BURST,
                            accounts.get(random.nextInt(accounts.size())).id(), null));
                }
            }
            faults.sort(Comparator.comparing(Fault::at));
            return faults;
        }

        private EventSpec meeting(String calendar, Instant day) {
            Instant start = day.truncatedTo(ChronoUnit.DAYS)
                    .plus(Duration.ofMinutes(8 * 60 + 30L * random.nextInt(20)));
            int minutes = new int[] {30, 45, 60, 60}[random.nextInt(4)];
            return new EventSpec(newId(), calendar, "Meeting " + nextId, start, start.plus(Duration.ofMinutes(minutes)),
                    false, false, false, null, null);
        }

        /** A random workday in [START + fromDay, START + fromDay + span days). */
        private Instant workday(int fromDay, int span) {
            return workdayFrom(START, fromDay, span);
        }

        private Instant workdayFrom(Instant origin, int fromDay, int span) {
            while (true) {
                Instant day = origin.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(fromDay + random.nextInt(span)));
                DayOfWeek dow = day.atZone(ZoneOffset.UTC).getDayOfWeek();
                if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                    return day;
                }
            }
        }

        private static Instant nextOccurrence(EventSpec weekly, Instant after) {
            Instant t = weekly.start();
            while (!t.isAfter(after)) {
                t = t.plus(Duration.ofDays(7));
            }
            return t;
        }

        private long randomSecondOfDay() {
            // Most edits happen in working hours, some at any time.
            return random.nextInt(100) < 85 ? 7 * 3600 + random.nextInt(13 * 3600) : random.nextInt(86_400);
        }

        private int count(double rate) {
            int whole = (int) Math.floor(rate);
            return whole + (random.nextDouble() < rate - whole ? 1 : 0);
        }

        private String calendarOf(List<Cal> calendars) {
            return calendars.get(random.nextInt(calendars.size())).calendarId();
        }

        private String newId() {
            return "ev" + prefix.substring(1) + "n" + (nextId++);
        }

        private int pick(int[] values, int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < values.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }
    }
}
