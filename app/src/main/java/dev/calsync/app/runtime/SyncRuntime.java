package dev.calsync.app.runtime;

import dev.calsync.app.config.AccountConfig;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import dev.calsync.core.provider.CallListener;
import dev.calsync.core.provider.CallTally;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.sync.RetiredBlockRemoval;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.Verifier;
import dev.calsync.app.accounts.AccountPauses;
import dev.calsync.app.accounts.AccountProbes;
import dev.calsync.store.AccountProbeStore;
import dev.calsync.app.assembly.GroupCalendars;
import dev.calsync.app.assembly.PassRunner;
import dev.calsync.app.config.ConfigException;
import dev.calsync.app.config.ConfigProblem;
import dev.calsync.store.CalendarNameStore;
import dev.calsync.app.assembly.ProviderAssembly;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.StaticAccessTokens;
import dev.calsync.recurrence.LibRecurRecurrences;
import dev.calsync.store.ApiCallLog;
import dev.calsync.store.Databases;
import dev.calsync.store.JdbcSyncStore;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The parts a CLI verb needs, wired from the configuration: the database, the providers, the engine and
 * the verifier. The configured groups are written to the store, so the store always knows what it syncs; a group an
 * earlier run had from the file and this file no longer has is retired (its blocks stay recorded until
 * {@code cleanup} or the safety reconcile removes them).
 */
public final class SyncRuntime implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final JdbcSyncStore store;
    private final CallTally calls = new CallTally();
    private final SyncEngine engine;
    private final Verifier verifier;
    private final AccountStore accounts;
    private final PassRunner passes;
    private final CalendarProvider provider;
    private final RetiredBlockRemoval retiredRemoval;
    private final CalsyncConfig config;
    private final CalendarNameStore calendarNames;
    private List<SyncGroup> groups;

    public SyncRuntime(CalsyncConfig config) {
        this(config, System.getenv());
    }

    /** @param env where {@value LeaseSettings#TTL_VARIABLE} is looked up */
    public SyncRuntime(CalsyncConfig config, Map<String, String> env) {
        Duration leaseTtl = LeaseSettings.ttl(env);
        Clock clock = Clock.systemUTC();
        dataSource = open(config);
        store = new JdbcSyncStore(dataSource, clock);
        ApiCallLog callLog = new ApiCallLog(dataSource, clock);
        var logListener = callLog.listener();
        CallListener observed = (calendar, kind, outcome) -> {
            calls.onCall(calendar, kind, outcome);
            logListener.onCall(calendar, kind, outcome);
        };
        Recurrences recurrences = new LibRecurRecurrences();
        CalendarProvider provider = ProviderAssembly.route(
                ProviderAssembly.google(config, new StaticAccessTokens(config.accessTokens()), observed),
                ProviderAssembly.caldav(config, recurrences, observed),
                ProviderAssembly.microsoft(config,
                        new StaticAccessTokens(config.accessTokens()), observed),
                ProviderAssembly.declaredIn(config));
        this.provider = provider;
        engine = new SyncEngine(provider, store, recurrences, clock, LeaseSettings.workerId(), leaseTtl);
        accounts = new AccountStore(dataSource, clock);
        passes = new PassRunner(engine, store, new AccountPauses(accounts, store, id -> config.account(id)
                .map(a -> new Account(a.id(), a.owner() == null ? a.id() : a.owner(), a.provider(), null, null, null,
                        AccountStatus.ACTIVE))),
                new AccountProbes(provider, accounts, new AccountProbeStore(dataSource), clock));
        verifier = new Verifier(provider, store, recurrences, clock);
        retiredRemoval = new RetiredBlockRemoval(provider, store, clock, LeaseSettings.workerId(), leaseTtl);
        this.config = config;
        this.calendarNames = new CalendarNameStore(dataSource, clock);
    }

    /**
     * The configured groups with their calendars under their own ids, written to the store, so the store always
     * knows what it syncs. Resolved on first use (a verb that lists calendars needs none of it).
     *
     * @throws ConfigException naming every calendar that cannot be used and every pair repeated (among the file's
     *                         groups or with a group made in the web UI), before anything is written
     */
    public synchronized List<SyncGroup> groups() {
        if (groups == null) {
            GroupCalendars.Resolved resolved = new GroupCalendars(provider, calendarNames).resolve(config.groups());
            List<ConfigProblem> problems = new ArrayList<>(resolved.all());
            if (problems.isEmpty()) {
                problems.addAll(GroupCalendars.repeatedWithWebGroups(resolved.groups(), store));
            }
            if (!problems.isEmpty()) {
                throw new ConfigException("calendars of the groups", problems);
            }
            store.saveFileGroups(resolved.groups(), config.accounts().stream().map(AccountConfig::id)
                    .collect(java.util.stream.Collectors.toSet()));
            groups = resolved.groups();
        }
        return groups;
    }

    /** The configured group, resolved, if there is one by that id. */
    public Optional<SyncGroup> group(String id) {
        return groups().stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /**
     * Removes the blocks of groups taken out of the configuration, where their calendars can still be reached
     * (after {@link #groups()}, which retires them).
     */
    /** The ids of the configured accounts: the retired groups of this configuration have blocks on them. */
    public Set<String> accountIds() {
        return config.accounts().stream().map(AccountConfig::id).collect(java.util.stream.Collectors.toSet());
    }

    public RetiredBlockRemoval retiredRemoval() {
        groups();
        return retiredRemoval;
    }

    /** The names remembered for each account's calendars; {@code calendars} forgets them when it lists afresh. */
    public CalendarNameStore calendarNames() {
        return calendarNames;
    }

    public SyncEngine engine() {
        return engine;
    }

    public Verifier verifier() {
        return verifier;
    }

    public JdbcSyncStore store() {
        return store;
    }

    /** Connected accounts and their status (reconnect needed or not). */
    public AccountStore accounts() {
        return accounts;
    }

    /** The one way a CLI verb runs a pass: paused groups are skipped, refused grants pause their groups. */
    public PassRunner passes() {
        return passes;
    }

    /** Every account's adapter behind one provider. */
    public CalendarProvider provider() {
        return provider;
    }

    /** Every provider call this runtime made, by kind. */
    public CallTally calls() {
        return calls;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** H2's "lock file recently modified" and "database already open": another process opening the file now. */
    private static final java.util.Set<Integer> H2_OPENING_RACE = java.util.Set.of(8000, 90020);
    private static final int OPEN_ATTEMPTS = 10;

    /**
     * Opens the database. Several calsync processes starting at the same moment on one H2 file race for its lock
     * (automatic mixed mode: the first becomes the server, the others connect to it); H2 refuses the losers
     * while the lock file is being written, so they try again after a short random pause.
     */
    private static HikariDataSource open(CalsyncConfig config) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Databases.open(config.storage().url(), config.storage().user(), config.storage().password());
            } catch (RuntimeException e) {
                if (attempt >= OPEN_ATTEMPTS || !openingRace(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(100 + java.util.concurrent.ThreadLocalRandom.current().nextInt(400));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean openingRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && H2_OPENING_RACE.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }
}
