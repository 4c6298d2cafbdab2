package dev.calsync.integration.recurring;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.jackson2.JacksonFactory;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.Events;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test oracle: busy time as the emulator itself expands it ({@code events.list} with
 * {@code singleEvents=true}, read through the official client), computed without any calsync code. For each
 * calendar of a group, the blocks of that group on it must cover exactly the union of the busy time of the
 * group's other calendars, within the window.
 *
 * <p>All-day dates count from midnight UTC on every calendar, as a block copies the source's dates.
 */
public final class ExpandedBusyTime {
    /** Sync and check do not run at the same instant: compare slightly inside the window. */
    private static final Duration EDGE = Duration.ofHours(1);
    private static final Set<String> NEVER_BUSY_TYPES = Set.of("workingLocation", "birthday");

    private final String rootUrl;
    private final Map<String, String> tokens;

    /** @param tokens access token per account id */
    public ExpandedBusyTime(String rootUrl, Map<String, String> tokens) {
        this.rootUrl = rootUrl;
        this.tokens = tokens;
    }

    /** A half-open interval [start, end). */
    public record Interval(Instant start, Instant end) {
        @Override
        public String toString() {
            return start + "/" + end;
        }
    }

    /** The comparison of one calendar of a group: the blocks it holds against the others' busy time. */
    public record TargetBusy(CalendarRef target, List<Interval> expected, List<Interval> blocks) {
        public boolean matches() {
            return expected.equals(blocks);
        }
    }

    public List<TargetBusy> compare(SyncGroup group) {
        Instant now = Instant.now();
        Instant from = group.window().start(now).plus(EDGE);
        Instant to = group.window().end(now).minus(EDGE);
        Map<CalendarRef, List<Event>> listed = new java.util.LinkedHashMap<>();
        for (CalendarRef calendar : group.calendars()) {
            // A day more on each side: the emulator picks the all-day instances that overlap the range in the
            // calendar's own zone, so a source in one zone and a target in another disagreed on an all-day
            // instance at the window's edge; merge clips what is listed to the window, all-day in UTC.
            listed.put(calendar, expanded(calendar, from.minus(Duration.ofDays(1)), to.plus(Duration.ofDays(1))));
        }
        List<TargetBusy> result = new ArrayList<>();
        for (CalendarRef target : group.calendars()) {
            List<Interval> expected = new ArrayList<>();
            for (CalendarRef source : group.targetsFor(target)) {
                listed.get(source).stream().filter(ExpandedBusyTime::ownBusy)
                        .forEach(e -> expected.add(interval(e)));
            }
            List<Interval> blocks = listed.get(target).stream().filter(e -> blockOf(group, e))
                    .map(ExpandedBusyTime::interval).toList();
            result.add(new TargetBusy(target, merge(expected, from, to), merge(blocks, from, to)));
        }
        return result;
    }

    /** Every instance the emulator shows between {@code from} and {@code to}: series expanded, exceptions applied. */
    public List<Event> expanded(CalendarRef calendar, Instant from, Instant to) {
        Calendar client = client(calendar.accountId());
        List<Event> items = new ArrayList<>();
        String pageToken = null;
        try {
            do {
                Events page = client.events().list(calendar.calendarId()).setSingleEvents(true)
                        .setTimeMin(new DateTime(from.toEpochMilli())).setTimeMax(new DateTime(to.toEpochMilli()))
                        .setMaxResults(2500).setPageToken(pageToken).execute();
                if (page.getItems() != null) {
                    items.addAll(page.getItems());
                }
                pageToken = page.getNextPageToken();
            } while (pageToken != null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    /** Merged, clipped to [from, to), sorted: touching or overlapping intervals become one. */
    public static List<Interval> merge(List<Interval> intervals, Instant from, Instant to) {
        List<Interval> clipped = intervals.stream()
                .map(i -> new Interval(max(i.start(), from), min(i.end(), to)))
                .filter(i -> i.start().isBefore(i.end()))
                .sorted(Comparator.comparing(Interval::start))
                .toList();
        List<Interval> merged = new ArrayList<>();
        for (Interval next : clipped) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !next.start().isAfter(last.end())) {
                merged.set(merged.size() - 1, new Interval(last.start(), max(last.end(), next.end())));
            } else {
                merged.add(next);
            }
        }
        return merged;
    }

    static boolean isBlock(Event event) {
        return event.getExtendedProperties() != null && event.getExtendedProperties().getPrivate() != null
                && "1".equals(event.getExtendedProperties().getPrivate().get("calsync"));
    }

    static boolean blockOf(SyncGroup group, Event event) {
        return isBlock(event) && group.id().equals(event.getExtendedProperties().getPrivate().get("csg"))
                && !"cancelled".equals(event.getStatus());
    }

    /** Busy by the rules of the issue: opaque, not cancelled, not declined, not a day-describing type, no block. */
    static boolean ownBusy(Event event) {
        if (isBlock(event) || "cancelled".equals(event.getStatus()) || "transparent".equals(event.getTransparency())) {
            return false;
        }
        if (event.getEventType() != null && NEVER_BUSY_TYPES.contains(event.getEventType())) {
            return false;
        }
        if (event.getAttendees() != null) {
            for (EventAttendee attendee : event.getAttendees()) {
                if (Boolean.TRUE.equals(attendee.getSelf()) && "declined".equals(attendee.getResponseStatus())) {
                    return false;
                }
            }
        }
        return true;
    }

    static Interval interval(Event event) {
        return new Interval(instant(event.getStart()), instant(event.getEnd()));
    }

    static Instant instant(EventDateTime time) {
        if (time.getDateTime() != null) {
            return Instant.ofEpochMilli(time.getDateTime().getValue());
        }
        return LocalDate.parse(time.getDate().toStringRfc3339()).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private Calendar client(String accountId) {
        String token = tokens.get(accountId);
        return new Calendar.Builder(new NetHttpTransport(), JacksonFactory.getDefaultInstance(),
                request -> request.getHeaders().setAuthorization("Bearer " + token))
                .setRootUrl(rootUrl).setApplicationName("calsync-it-oracle").build();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
