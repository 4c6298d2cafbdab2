package dev.calsync.google;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.ListOutcome;
import dev.calsync.core.provider.ProviderException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an events.list to the end: every page until the one carrying {@code nextSyncToken}. Refuses to
 * conclude anything from an answer that cannot be complete (no page token and no sync token, a page token
 * seen before, a live event without times), so the engine never deletes blocks on a broken answer.
 */
final class EventLister {

    /** Google's maximum; fewer pages means fewer calls. */
    static final int PAGE_SIZE = 2500;
    /** 2500 × 4000 = 10 million events: a calendar that large is a bug, not a calendar. */
    static final int MAX_PAGES = 4000;
    private static final Set<Integer> TOKEN_REFUSALS = Set.of(400, 410);
    private static final Set<Integer> PAGE_TOKEN_EXPIRED = Set.of(410);

    private final GoogleCallExecutor executor;
    private final MalformedEventListener malformedListener;

    EventLister(GoogleCallExecutor executor, MalformedEventListener malformedListener) {
        this.executor = executor;
        this.malformedListener = malformedListener;
    }

    ListOutcome changesSince(CalendarRef calendar, String syncToken) {
        return read(calendar, syncToken, null);
    }

    ChangeSet everything(CalendarRef calendar, Instant timeMin) {
        ListOutcome outcome = read(calendar, null, timeMin);
        return ((ListOutcome.Changes) outcome).changes(); // a full list has no token to refuse
    }

    private ListOutcome read(CalendarRef calendar, String syncToken, Instant timeMin) {
        boolean full = syncToken == null;
        List<SourceEvent> events = new ArrayList<>();
        Set<String> seenPageTokens = new HashSet<>();
        String pageToken = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String currentPage = pageToken;
            GoogleCallExecutor.Answer<Events> answer = executor.send(calendar, CallKind.LIST,
                    full ? PAGE_TOKEN_EXPIRED : TOKEN_REFUSALS,
                    client -> request(client, calendar, syncToken, timeMin, currentPage).execute());
            if (answer.refused()) {
                if (full) {
                    // Only a page token can expire in a full list; the next pass starts over.
                    throw new ProviderException(ProviderException.Kind.TRANSIENT, answer.refusedStatus(),
                            answer.refusedReason(), GoogleFailures.describe(calendar, CallKind.LIST)
                            + ": page token expired during a full list");
                }
                String reason = answer.refusedReason() != null ? answer.refusedReason()
                        : "HTTP " + answer.refusedStatus();
                return new ListOutcome.FullSyncRequired(reason);
            }
            Events result = answer.value();
            if (result == null) {
                throw GoogleFailures.malformed(calendar, CallKind.LIST, "empty page", null);
            }
            addEvents(calendar, result.getItems(), events);
            if (result.getNextPageToken() != null && !result.getNextPageToken().isEmpty()) {
                pageToken = result.getNextPageToken();
                if (!seenPageTokens.add(pageToken)) {
                    throw GoogleFailures.malformed(calendar, CallKind.LIST, "page token repeated", null);
                }
            } else if (result.getNextSyncToken() != null && !result.getNextSyncToken().isEmpty()) {
                return new ListOutcome.Changes(new ChangeSet(events, result.getNextSyncToken(), full));
            } else {
                throw GoogleFailures.malformed(calendar, CallKind.LIST,
                        "page with neither nextPageToken nor nextSyncToken", null);
            }
        }
        throw GoogleFailures.malformed(calendar, CallKind.LIST, "more than " + MAX_PAGES + " pages", null);
    }

    private static Calendar.Events.List request(Calendar client, CalendarRef calendar, String syncToken,
                                                Instant timeMin, String pageToken) throws java.io.IOException {
        Calendar.Events.List list = client.events().list(calendar.calendarId())
                .setSingleEvents(false) // series stay series: one block series instead of expanded instances
                .setShowDeleted(true)
                .setMaxResults(PAGE_SIZE);
        if (syncToken != null) {
            list.setSyncToken(syncToken); // no timeMin: Google refuses it together with a sync token
        } else if (timeMin != null) {
            list.setTimeMin(new DateTime(false, timeMin.toEpochMilli(), 0));
        }
        if (pageToken != null) {
            list.setPageToken(pageToken);
        }
        return list;
    }

    private void addEvents(CalendarRef calendar, List<Event> items, List<SourceEvent> into) {
        if (items == null) {
            return;
        }
        for (Event item : items) {
            if (item == null) {
                skip(calendar, "null item");
                continue;
            }
            try {
                Optional<SourceEvent> event = GoogleEventMapper.toSourceEvent(item);
                if (event.isPresent()) {
                    into.add(event.get());
                } else {
                    skip(calendar, "event without id");
                }
            } catch (GoogleEventMapper.MalformedEventException e) {
                throw GoogleFailures.malformed(calendar, CallKind.LIST, e.getMessage(), null);
            }
        }
    }

    private void skip(CalendarRef calendar, String problem) {
        malformedListener.onSkipped(calendar, problem);
    }
}
