package dev.calsync.microsoft;

import dev.calsync.core.provider.StaticAccessTokens;
import dev.calsync.core.provider.AccessTokens;
import com.fasterxml.jackson.databind.JsonNode;
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
import dev.calsync.core.provider.UpdateOutcome;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.recurrence.LibRecurRecurrences;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * {@link CalendarProvider} for Microsoft 365 and Outlook.com calendars through Microsoft Graph v1.0, on the JDK's
 * {@link HttpClient} and Jackson.
 *
 * <pre>{@code
 * CalendarProvider microsoft = MicrosoftCalendarProvider.builder(new StaticAccessTokens(Map.of("work", token)))
 *         .graphUrl("http://127.0.0.1:8089/graph/v1.0/")   // default https://graph.microsoft.com/v1.0/
 *         .callListener(metrics)
 *         .build();
 * }</pre>
 *
 * Reads: {@link CalendarReads}; series: {@link SeriesReads}; writes: {@link BlockWrites}. Thread-safe. Every HTTP
 * call (retries and failures included) is reported to the {@link CallListener}; messages of thrown
 * {@link dev.calsync.core.provider.ProviderException}s carry status, Graph's error code and calendar id, never
 * event content or tokens.
 */
public final class MicrosoftCalendarProvider implements CalendarProvider {

    public static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com/v1.0/";
    private static final String ALL_CALENDARS = "*";

    private final GraphHttp http;
    private final Clock clock;
    private final CalendarReads reads;
    private final BlockWrites writes;
    private final MailboxCategories categories;

    private MicrosoftCalendarProvider(Builder builder) {
        HttpClient client = builder.client != null ? builder.client
                : HttpClient.newBuilder().connectTimeout(builder.connectTimeout).build();
        this.http = new GraphHttp(client, URI.create(builder.graphUrl), builder.tokens, builder.callListener,
                builder.retryPolicy, builder.sleeper, builder.random, builder.requestTimeout);
        this.clock = builder.clock;
        this.reads = new CalendarReads(http, new SeriesReads(builder.recurrences), builder.windowSpan,
                builder.horizon, builder.clock);
        this.categories = new MailboxCategories(http, builder.clock);
        this.writes = new BlockWrites(http, categories);
    }

    public static Builder builder(AccessTokens tokens) {
        return new Builder(tokens);
    }

    /** The account tokens, service root, retries and call listener that {@link MicrosoftChangeChannels} shares. */
    GraphHttp http() {
        return http;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public List<CalendarInfo> listCalendars(String accountId) {
        CalendarRef account = new CalendarRef(accountId, ALL_CALENDARS);
        List<CalendarInfo> calendars = new ArrayList<>();
        for (JsonNode calendar : new GraphPages(http).all(account, CallKind.CALENDAR_LIST,
                GraphRequest.get("me/calendars"), false).items()) {
            String id = calendar.path("id").asText("");
            if (!id.isBlank()) {
                calendars.add(new CalendarInfo(id, calendar.path("name").asText(id),
                        calendar.path("isDefaultCalendar").asBoolean(false),
                        calendar.path("canEdit").asBoolean(false) ? "writer" : "reader", null));
            }
        }
        return calendars;
    }

    /**
     * The mailbox's owner, from its default calendar ({@code GET me/calendar}): what {@code Calendars.ReadWrite}
     * allows, so connecting an account needs no profile scope.
     */
    public MailboxOwner owner(String accountId) {
        CalendarRef account = new CalendarRef(accountId, ALL_CALENDARS);
        JsonNode owner = http.send(account, CallKind.CALENDAR_LIST, GraphRequest.get("me/calendar")).json()
                .path("owner");
        String address = owner.path("address").asText("");
        if (address.isBlank()) {
            throw GraphFailures.malformed(account, CallKind.CALENDAR_LIST, "default calendar without owner address");
        }
        return new MailboxOwner(address, owner.path("name").asText(address));
    }

    /**
     * Why blocks of this account are written without their group's colour (Outlook's master category list cannot
     * be read or added to: the grant lacks {@code MailboxSettings.ReadWrite}), or empty when nothing stood in the
     * way. Also logged, once a day per mailbox at most.
     */
    public Optional<String> blockColourProblem(String accountId) {
        return categories.problem(accountId);
    }

    @Override
    public ListOutcome listChanges(CalendarRef calendar, String syncToken) {
        Objects.requireNonNull(syncToken, "syncToken (use listAll without one)");
        return reads.since(calendar, syncToken);
    }

    @Override
    public ChangeSet listAll(CalendarRef calendar, Instant timeMin) {
        return reads.full(calendar, timeMin);
    }

    @Override
    public InsertOutcome insert(CalendarRef calendar, String key, BlockBody body) {
        return writes.insert(calendar, key, body);
    }

    @Override
    public UpdateOutcome update(CalendarRef calendar, BlockHandle block, BlockBody body) {
        return writes.update(calendar, block, body);
    }

    @Override
    public DeleteOutcome delete(CalendarRef calendar, BlockHandle block) {
        return writes.delete(calendar, block);
    }

    @Override
    public UpdateOutcome updateOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence,
                                          BlockBody body) {
        return writes.updateOccurrence(calendar, series, occurrence, body);
    }

    @Override
    public DeleteOutcome cancelOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence) {
        return writes.cancelOccurrence(calendar, series, occurrence);
    }

    /** Everything but the token source has a default suitable for production. */
    public static final class Builder {
        private final AccessTokens tokens;
        private String graphUrl = DEFAULT_GRAPH_URL;
        private CallListener callListener = CallListener.NONE;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.REAL;
        private RandomGenerator random = new Random();
        private Duration connectTimeout = Duration.ofSeconds(20);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration windowSpan = Duration.ofDays(400);
        private Duration horizon = Duration.ofDays(180);
        private Clock clock = Clock.systemUTC();
        private Recurrences recurrences = new LibRecurRecurrences();
        private HttpClient client;

        private Builder(AccessTokens tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
        }

        /** Graph's service root, or the emulator's ("http://127.0.0.1:8089/graph/v1.0/"). */
        public Builder graphUrl(String graphUrl) {
            Objects.requireNonNull(graphUrl, "graphUrl");
            this.graphUrl = graphUrl.endsWith("/") ? graphUrl : graphUrl + "/";
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

        /** Source of backoff jitter; a seeded one makes the delays reproducible. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Builder timeouts(Duration connect, Duration request) {
            this.connectTimeout = Objects.requireNonNull(connect, "connect");
            this.requestTimeout = Objects.requireNonNull(request, "request");
            return this;
        }

        /**
         * The delta window: a full read covers [timeMin, timeMin + span). Larger means rarer new baselines (see
         * {@link #horizon(Duration)}) but more items in each.
         */
        public Builder windowSpan(Duration span) {
            if (span.isNegative() || span.isZero()) {
                throw new IllegalArgumentException("windowSpan must be positive");
            }
            this.windowSpan = span;
            return this;
        }

        /**
         * How far ahead of now the window must reach (at least the longest {@code window.futureDays} of the
         * groups using this adapter): once a token's window ends sooner, a change read asks for a full read,
         * which opens a window from the group's current start. With span 400 days, 30 days back and a horizon
         * of 180, that is one new baseline every 190 days.
         */
        public Builder horizon(Duration horizon) {
            this.horizon = Objects.requireNonNull(horizon, "horizon");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** For tests and for sharing one connection pool; the connect timeout is then the client's own. */
        public Builder httpClient(HttpClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        public MicrosoftCalendarProvider build() {
            return new MicrosoftCalendarProvider(this);
        }
    }
}
