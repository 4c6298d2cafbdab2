package dev.calsync.caldav;

import dev.calsync.caldav.dav.Backoff;
import dev.calsync.caldav.dav.DavClient;
import dev.calsync.caldav.dav.DavCredentials;
import dev.calsync.caldav.dav.Sleeper;
import dev.calsync.caldav.discovery.DavCalendar;
import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.CallListener;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.DeleteOutcome;
import dev.calsync.core.provider.InsertOutcome;
import dev.calsync.core.provider.ListOutcome;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.provider.UpdateOutcome;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.recurrence.LibRecurRecurrences;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * {@link CalendarProvider} for CalDAV servers (RFC 4791, RFC 6578): iCloud, Fastmail, Nextcloud, Radicale, any
 * other. A calendar is named by its collection's URL, a path on the account's server or absolute.
 *
 * <pre>{@code
 * CalendarProvider caldav = CaldavCalendarProvider.builder()
 *         .account("icloud", new CaldavAccount(URI.create("https://caldav.icloud.com/"), "alice@icloud.com", password))
 *         .callListener(metrics)
 *         .build();
 * }</pre>
 *
 * Thread-safe. Every HTTP call (redirects and retries included) is told to the {@link CallListener}: discovery
 * as CALENDAR_LIST, PROPFIND and REPORT as LIST, GET, PUT (INSERT, UPDATE) and DELETE as themselves.
 */
public final class CaldavCalendarProvider implements CalendarProvider {
    private final Map<String, AccountSession> sessions;
    private final Function<String, Optional<CaldavAccount>> lookup;
    /** Sessions of looked-up accounts, replaced when the account's credentials change (a reconnect). */
    private final Map<String, AccountSession> lookedUp = new ConcurrentHashMap<>();
    private final Function<CaldavAccount, DavClient> clients;
    private final EventReads reads;
    private final BlockWrites writes;

    private CaldavCalendarProvider(Builder builder) {
        HttpClient http = DavClient.defaultHttpClient(builder.connectTimeout);
        this.clients = account -> new DavClient(http, new DavCredentials(account.username(), account.password()),
                builder.backoff, builder.sleeper, builder.random, builder.callListener, builder.requestTimeout);
        Map<String, AccountSession> byId = new LinkedHashMap<>();
        builder.accounts.forEach((id, account) -> byId.put(id, new AccountSession(id, account, clients.apply(account))));
        this.sessions = Map.copyOf(byId);
        this.lookup = builder.lookup;
        ResourceCache cache = new ResourceCache(builder.cacheSize);
        this.reads = new EventReads(cache, builder.malformedListener);
        this.writes = new BlockWrites(cache, builder.recurrences, builder.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<CalendarInfo> listCalendars(String accountId) {
        AccountSession session = session(accountId);
        return session.discover().calendars().stream()
                .map(calendar -> info(session, calendar))
                .toList();
    }

    /**
     * A CalDAV calendar may be named by its collection's full URL or by its path on the account's server, with or
     * without the closing slash: all name the collection the list gives under its own id.
     */
    @Override
    public Optional<CalendarInfo> calendarNamed(String accountId, String name, List<CalendarInfo> listed) {
        AccountSession session = session(accountId);
        String id;
        try {
            id = session.account.calendarId(session.account.collection(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return listed.stream().filter(calendar -> calendar.id().equals(id)).findFirst();
    }

    private static CalendarInfo info(AccountSession session, DavCalendar calendar) {
        return new CalendarInfo(session.account.calendarId(calendar.href()), calendar.displayName(), false,
                calendar.access(), calendar.timeZone());
    }

    @Override
    public ListOutcome listChanges(CalendarRef calendar, String syncToken) {
        Objects.requireNonNull(syncToken, "syncToken (use listAll without one)");
        return reads.changesSince(session(calendar), calendar, syncToken);
    }

    @Override
    public ChangeSet listAll(CalendarRef calendar, Instant timeMin) {
        return reads.everything(session(calendar), calendar, timeMin);
    }

    @Override
    public InsertOutcome insert(CalendarRef calendar, String key, BlockBody body) {
        return writes.insert(session(calendar), calendar, key, body);
    }

    @Override
    public UpdateOutcome update(CalendarRef calendar, BlockHandle block, BlockBody body) {
        return writes.update(session(calendar), calendar, block, body);
    }

    @Override
    public DeleteOutcome delete(CalendarRef calendar, BlockHandle block) {
        return writes.delete(session(calendar), calendar, block);
    }

    @Override
    public UpdateOutcome updateOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence,
                                          BlockBody body) {
        return writes.updateOccurrence(session(calendar), calendar, series, occurrence, body);
    }

    @Override
    public DeleteOutcome cancelOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence) {
        return writes.cancelOccurrence(session(calendar), calendar, series, occurrence);
    }

    private AccountSession session(CalendarRef calendar) {
        AccountSession session = session(calendar.accountId());
        try {
            session.account.collection(calendar.calendarId());
        } catch (IllegalArgumentException e) {
            throw new ProviderException(ProviderException.Kind.REJECTED, 0, "badCalendar",
                    "CalDAV calendar " + calendar + ": " + e.getMessage());
        }
        return session;
    }

    private AccountSession session(String accountId) {
        AccountSession session = sessions.get(accountId);
        if (session != null) {
            return session;
        }
        Optional<CaldavAccount> found = lookup.apply(accountId);
        if (found.isEmpty()) {
            lookedUp.remove(accountId);
            throw new ProviderException(ProviderException.Kind.NOT_FOUND, 0, "noAccount",
                    "no CalDAV account " + accountId + " is configured");
        }
        CaldavAccount account = found.get();
        return lookedUp.compute(accountId, (id, known) -> known != null && known.account.equals(account)
                ? known : new AccountSession(id, account, clients.apply(account)));
    }

    /** Everything but the accounts has a default suitable for production. */
    public static final class Builder {
        private final Map<String, CaldavAccount> accounts = new LinkedHashMap<>();
        private Function<String, Optional<CaldavAccount>> lookup = accountId -> Optional.empty();
        private CallListener callListener = CallListener.NONE;
        private MalformedResourceListener malformedListener = MalformedResourceListener.NONE;
        private Backoff backoff = Backoff.defaults();
        private Sleeper sleeper = Sleeper.REAL;
        private RandomGenerator random = new Random();
        private Recurrences recurrences = new LibRecurRecurrences();
        private Clock clock = Clock.systemUTC();
        private Duration connectTimeout = Duration.ofSeconds(20);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int cacheSize = 10_000;

        private Builder() {
        }

        public Builder account(String accountId, CaldavAccount account) {
            accounts.put(Objects.requireNonNull(accountId, "accountId"), Objects.requireNonNull(account, "account"));
            return this;
        }

        /**
         * Where accounts not given to {@link #account} are found, asked on every call (so an account connected,
         * reconnected or removed while the provider runs is seen at once): keep it cheap.
         */
        public Builder accountLookup(Function<String, Optional<CaldavAccount>> lookup) {
            this.lookup = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        public Builder callListener(CallListener listener) {
            this.callListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Builder malformedResourceListener(MalformedResourceListener listener) {
            this.malformedListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Source of backoff jitter; a seeded one makes the waits reproducible. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Decides which occurrences a block series has, for occurrence edits. */
        public Builder recurrences(Recurrences recurrences) {
            this.recurrences = Objects.requireNonNull(recurrences, "recurrences");
            return this;
        }

        /** DTSTAMP of written blocks. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder timeouts(Duration connect, Duration request) {
            this.connectTimeout = Objects.requireNonNull(connect, "connect");
            this.requestTimeout = Objects.requireNonNull(request, "request");
            return this;
        }

        /** Block resources whose last version is remembered (0: every write reads first). */
        public Builder cacheSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("cache size must not be negative");
            }
            this.cacheSize = size;
            return this;
        }

        public CaldavCalendarProvider build() {
            return new CaldavCalendarProvider(this);
        }
    }
}
