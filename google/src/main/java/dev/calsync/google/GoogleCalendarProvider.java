package dev.calsync.google;

import dev.calsync.core.provider.StaticAccessTokens;
import dev.calsync.core.provider.AccessTokens;
import com.google.api.client.http.HttpTransport;
import com.google.api.services.calendar.model.CalendarList;
import com.google.api.services.calendar.model.CalendarListEntry;
import com.google.api.services.calendar.model.Event;
import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallListener;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.DeleteOutcome;
import dev.calsync.core.provider.InsertOutcome;
import dev.calsync.core.provider.ListOutcome;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.provider.UpdateOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link CalendarProvider} for Google Calendar API v3 on the official Java client.
 *
 * <pre>{@code
 * CalendarProvider google = GoogleCalendarProvider.builder(new StaticAccessTokens(Map.of("work", token)))
 *         .rootUrl("http://127.0.0.1:8089/")   // default https://www.googleapis.com/
 *         .callListener(metrics)
 *         .build();
 * }</pre>
 *
 * Thread-safe. Every HTTP call (retries and failures included) is reported to the {@link CallListener}.
 * Messages of thrown {@link ProviderException}s carry status, reason and calendar id, never event content
 * or tokens.
 */
public final class GoogleCalendarProvider implements CalendarProvider {

    public static final String DEFAULT_ROOT_URL = "https://www.googleapis.com/";

    private static final Set<Integer> INSERT_HANDLED = Set.of(409);
    private static final Set<Integer> UPDATE_HANDLED = Set.of(404);
    private static final Set<Integer> DELETE_HANDLED = Set.of(404, 410);
    /** The calendar id of calls about an account rather than one calendar (calendarList, channels.stop). */
    static final String ALL_CALENDARS = "*";

    private final GoogleCallExecutor executor;
    private final EventLister lister;
    private final AtomicLong malformedSkipped = new AtomicLong();

    /** Default retry policy and real sleeping; see {@link #builder(AccessTokens)} for everything else. */
    public GoogleCalendarProvider(String rootUrl, AccessTokens tokens, CallListener callListener) {
        this(builder(tokens).rootUrl(rootUrl).callListener(callListener));
    }

    private GoogleCalendarProvider(Builder builder) {
        GoogleClients clients = new GoogleClients(builder.transport, builder.rootUrl, builder.tokens,
                builder.connectTimeout, builder.readTimeout, builder.gzipRequests);
        this.executor = new GoogleCallExecutor(clients, builder.callListener, builder.retryPolicy, builder.sleeper,
                builder.random);
        MalformedEventListener outer = builder.malformedListener;
        this.lister = new EventLister(executor, (calendar, problem) -> {
            malformedSkipped.incrementAndGet();
            outer.onSkipped(calendar, problem);
        });
    }

    public static Builder builder(AccessTokens tokens) {
        return new Builder(tokens);
    }

    /** Listed items skipped as unusable (events without id) since this provider was built. */
    public long malformedEventsSkipped() {
        return malformedSkipped.get();
    }

    @Override
    public List<CalendarInfo> listCalendars(String accountId) {
        CalendarRef account = new CalendarRef(accountId, ALL_CALENDARS);
        List<CalendarInfo> calendars = new ArrayList<>();
        Set<String> seenPageTokens = new HashSet<>();
        String pageToken = null;
        do {
            String currentPage = pageToken;
            CalendarList page = executor.send(account, CallKind.CALENDAR_LIST,
                    client -> client.calendarList().list().setPageToken(currentPage).execute());
            if (page == null) {
                throw GoogleFailures.malformed(account, CallKind.CALENDAR_LIST, "empty page", null);
            }
            if (page.getItems() != null) {
                for (CalendarListEntry entry : page.getItems()) {
                    if (entry == null || entry.getId() == null || entry.getId().isBlank()) {
                        malformedSkipped.incrementAndGet();
                        continue;
                    }
                    String summary = entry.getSummaryOverride() != null ? entry.getSummaryOverride()
                            : entry.getSummary();
                    calendars.add(new CalendarInfo(entry.getId(), summary, Boolean.TRUE.equals(entry.getPrimary()),
                            entry.getAccessRole(), entry.getTimeZone()));
                }
            }
            pageToken = page.getNextPageToken();
            if (pageToken != null && !seenPageTokens.add(pageToken)) {
                throw GoogleFailures.malformed(account, CallKind.CALENDAR_LIST, "page token repeated", null);
            }
        } while (pageToken != null && !pageToken.isEmpty());
        return calendars;
    }

    @Override
    public ListOutcome listChanges(CalendarRef calendar, String syncToken) {
        Objects.requireNonNull(syncToken, "syncToken (use listAll without one)");
        return lister.changesSince(calendar, syncToken);
    }

    @Override
    public ChangeSet listAll(CalendarRef calendar, Instant timeMin) {
        return lister.everything(calendar, timeMin);
    }

    @Override
    public InsertOutcome insert(CalendarRef calendar, String key, BlockBody body) {
        Event event = BlockEventFactory.toEvent(key, body);
        var answer = executor.send(calendar, CallKind.INSERT, INSERT_HANDLED,
                client -> client.events().insert(calendar.calendarId(), event).execute());
        // 409: the id exists or existed (deleted events keep their id), or our own earlier attempt landed and
        // only its response was lost; client-chosen ids make all three the same case: the engine updates.
        BlockHandle block = BlockHandle.of(key);
        return answer.refused() ? new InsertOutcome.AlreadyExists(block) : new InsertOutcome.Created(block);
    }

    /** A full PUT, never a patch: patch costs 3 quota units, and the full body restores a hand-edited block. */
    @Override
    public UpdateOutcome update(CalendarRef calendar, BlockHandle block, BlockBody body) {
        return put(calendar, block.idAtProvider(), block, body);
    }

    @Override
    public DeleteOutcome delete(CalendarRef calendar, BlockHandle block) {
        return deleteEvent(calendar, block.idAtProvider());
    }

    /** An occurrence is overridden by writing its instance id. */
    @Override
    public UpdateOutcome updateOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence,
                                          BlockBody body) {
        String instanceId = GoogleInstanceIds.of(series, occurrence);
        return put(calendar, instanceId, BlockHandle.of(occurrence.key()), body);
    }

    /** An occurrence is cancelled by deleting its instance id. */
    @Override
    public DeleteOutcome cancelOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence) {
        return deleteEvent(calendar, GoogleInstanceIds.of(series, occurrence));
    }

    private UpdateOutcome put(CalendarRef calendar, String eventId, BlockHandle block, BlockBody body) {
        Event event = BlockEventFactory.toEvent(eventId, body);
        var answer = executor.send(calendar, CallKind.UPDATE, UPDATE_HANDLED,
                client -> client.events().update(calendar.calendarId(), eventId, event).execute());
        return answer.refused() ? UpdateOutcome.NOT_FOUND : new UpdateOutcome.Updated(block);
    }

    private DeleteOutcome deleteEvent(CalendarRef calendar, String eventId) {
        var answer = executor.send(calendar, CallKind.DELETE, DELETE_HANDLED,
                client -> client.events().delete(calendar.calendarId(), eventId).execute());
        return answer.refused() ? DeleteOutcome.ALREADY_GONE : DeleteOutcome.DELETED;
    }

    /** For the adapter's other ports (push channels): the same clients, retries and call listener. */
    GoogleCallExecutor executor() {
        return executor;
    }

    /** Everything but the token source has a default suitable for production. */
    public static final class Builder {
        private final AccessTokens tokens;
        private String rootUrl = DEFAULT_ROOT_URL;
        private CallListener callListener = CallListener.NONE;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.REAL;
        private Random random = new Random();
        private MalformedEventListener malformedListener = MalformedEventListener.NONE;
        private Duration connectTimeout = Duration.ofSeconds(20);
        private Duration readTimeout = Duration.ofSeconds(60);
        private HttpTransport transport = GoogleClients.SHARED_TRANSPORT;
        private boolean gzipRequests = true;

        private Builder(AccessTokens tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
        }

        /** Google's API root, or an emulator's ("http://127.0.0.1:8089/"). */
        public Builder rootUrl(String rootUrl) {
            this.rootUrl = Objects.requireNonNull(rootUrl, "rootUrl");
            return this;
        }

        public Builder callListener(CallListener callListener) {
            this.callListener = Objects.requireNonNull(callListener, "callListener");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Source of backoff jitter; a seeded Random makes the delays reproducible. */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Builder jitterSeed(long seed) {
            return random(new Random(seed));
        }

        public Builder malformedEventListener(MalformedEventListener listener) {
            this.malformedListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Builder timeouts(Duration connect, Duration read) {
            this.connectTimeout = Objects.requireNonNull(connect, "connect");
            this.readTimeout = Objects.requireNonNull(read, "read");
            return this;
        }

        /**
         * The HTTP transport under the official client (default: one {@code NetHttpTransport} for the JVM). Tests
         * script answers with it; the benchmark hands each request to the emulator's front end in process.
         */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Whether the client gzips request bodies (default: yes, the official client's default). Off saves the
         * compression (and the server's inflation) where bytes on the wire cost nothing, as against an emulator in
         * the same process.
         */
        public Builder gzipRequests(boolean on) {
            this.gzipRequests = on;
            return this;
        }

        public GoogleCalendarProvider build() {
            return new GoogleCalendarProvider(this);
        }
    }
}
