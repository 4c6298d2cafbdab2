package dev.calsync.app.runtime;

import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.core.provider.CallTally;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.Verifier;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.google.StaticAccessTokens;
import dev.calsync.recurrence.LibRecurRecurrences;
import dev.calsync.store.ApiCallLog;
import dev.calsync.store.Databases;
import dev.calsync.store.JdbcSyncStore;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The parts a CLI verb needs, wired from the configuration: the database, the Google provider, the engine and
 * the verifier. The configured groups are written to the store, so the store always knows what it syncs.
 */
public final class SyncRuntime implements AutoCloseable {
    /** Long enough for a slow pass between renewals; short enough that a killed process's group is soon free. */
    static final Duration LEASE_TTL = Duration.ofSeconds(30);

    private final HikariDataSource dataSource;
    private final JdbcSyncStore store;
    private final CallTally calls = new CallTally();
    private final SyncEngine engine;
    private final Verifier verifier;

    public SyncRuntime(CalsyncConfig config) {
        Clock clock = Clock.systemUTC();
        dataSource = Databases.open(config.storage().url(), config.storage().user(), config.storage().password());
        store = new JdbcSyncStore(dataSource, clock);
        ApiCallLog callLog = new ApiCallLog(dataSource, clock);
        var logListener = callLog.listener();
        GoogleCalendarProvider provider = GoogleCalendarProvider.builder(new StaticAccessTokens(config.accessTokens()))
                .rootUrl(config.google().rootUrl())
                .callListener((calendar, kind, outcome) -> {
                    calls.onCall(calendar, kind, outcome);
                    logListener.onCall(calendar, kind, outcome);
                })
                .build();
        Recurrences recurrences = new LibRecurRecurrences();
        engine = new SyncEngine(provider, store, recurrences, clock, workerId(), LEASE_TTL);
        verifier = new Verifier(provider, store, recurrences, clock);
        config.groups().forEach(store::saveGroup);
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

    /** Every provider call this runtime made, by kind. */
    public CallTally calls() {
        return calls;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** Names this process in leases and logs: host, pid and a random part so restarts never share a name. */
    static String workerId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
