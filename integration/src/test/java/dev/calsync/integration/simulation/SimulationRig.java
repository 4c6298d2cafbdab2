package dev.calsync.integration.simulation;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.core.provider.CallListener;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.google.RetryPolicy;
import dev.calsync.core.provider.StaticAccessTokens;
import dev.calsync.recurrence.LibRecurRecurrences;
import dev.calsync.store.Databases;
import dev.calsync.store.JdbcSyncStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every try of the simulation shares, so a thousand tries fit in CI: one emulator (in memory, one HTTP
 * server), one migrated H2 in-memory database, one simulated clock. Each try uses calendars and groups with
 * ids of its own, so tries never see each other's events, tokens or blocks.
 */
final class SimulationRig {
    static final Duration LEASE_TTL = Duration.ofSeconds(30);
    /** A Monday in spring, so weekly series in Europe/Berlin cross the change to summer time. */
    static final Instant START = Instant.parse("2031-03-17T06:00:00Z");
    static final Map<String, String> TOKENS = Map.of(
            "sim-alice-work", "token-sim-alice-work",
            "sim-alice-home", "token-sim-alice-home",
            "sim-alice-private", "token-sim-alice-private",
            "sim-bob", "token-sim-bob");

    private static SimulationRig shared;
    /** Held here: java.util.logging forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger ENGINE_LOG = java.util.logging.Logger.getLogger("dev.calsync");

    final SimClock clock = new SimClock(START);
    final GoogleCalendarEmulator emulator;
    final HikariDataSource dataSource;
    final JdbcSyncStore store;
    final LibRecurRecurrences recurrences = new LibRecurRecurrences();
    final GoogleCalendarProvider checkingProvider;
    private final Map<String, Calendar> officialClients = new ConcurrentHashMap<>();
    private int tries;

    private SimulationRig() {
        // Thousands of passes: the engine's per-pass INFO lines would only slow the run down.
        ENGINE_LOG.setLevel(java.util.logging.Level.WARNING);
        emulator = GoogleCalendarEmulator.start(0);
        emulator.setClock(clock);
        TOKENS.forEach(emulator::addAccount);
        dataSource = Databases.open("jdbc:h2:mem:simulation", "sa", "");
        store = new JdbcSyncStore(dataSource, clock);
        checkingProvider = provider(CallListener.NONE);
    }

    static synchronized SimulationRig shared() {
        if (shared == null) {
            shared = new SimulationRig();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.emulator.close();
                shared.dataSource.close();
            }));
        }
        return shared;
    }

    synchronized int nextTry() {
        return ++tries;
    }

    /**
     * A provider for one engine: its own listener (the engine's step hook), retries without real waiting. Four
     * attempts per call, so a burst of up to three failures is absorbed and a longer one fails the pass.
     */
    GoogleCalendarProvider provider(CallListener listener) {
        return GoogleCalendarProvider.builder(new StaticAccessTokens(TOKENS))
                .rootUrl(emulator.rootUrl())
                .callListener(listener)
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10)))
                .sleeper(delay -> { })
                .jitterSeed(7)
                .build();
    }

    /** The official client, unwrapped, for the independent oracle. */
    Calendar officialClient(String accountId) {
        return officialClients.computeIfAbsent(accountId, account -> new Calendar.Builder(new NetHttpTransport(),
                GsonFactory.getDefaultInstance(), request -> request.getHeaders()
                        .setAuthorization("Bearer " + TOKENS.get(account)))
                .setRootUrl(emulator.rootUrl())
                .setApplicationName("calsync-simulation-oracle")
                .build());
    }
}
