package dev.calsync.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database as this node sees it, from its health probe and its passes: an outage begins with the first failure
 * to reach it and ends with the next success. Each outage is counted
 * [{@code calsync_database_outages_total}] and logged once when it begins (naming the cause) and once when it ends;
 * {@code calsync_database_reachable} is 1 or 0.
 */
public final class DatabaseOutages {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutages.class);

    private final Counter outages;
    private final Clock clock;
    private Instant since;
    /** When the last outage ended (null: none has). */
    private Instant endedAt;

    public DatabaseOutages(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.outages = Counter.builder("calsync.database.outages")
                .description("Times this node lost the database (counted when it begins)").register(registry);
        Gauge.builder("calsync.database.reachable", this, o -> o.reachable() ? 1 : 0)
                .description("1 while this node reaches the database, 0 during an outage").register(registry);
    }

    public synchronized boolean reachable() {
        return since == null;
    }

    /**
     * A failure begins an outage only if its work began after the last one ended: a probe or a pass that started
     * while the database was away may report its failure after another thread saw it answer again, and that
     * failure says nothing about the database now (counting it would split one outage into two).
     *
     * @param cause what failed, in words ("database unreachable in JdbcSyncStore.commit (08001 …)")
     * @param began when the work that failed began
     */
    public void unreachable(String cause, Instant began) {
        synchronized (this) {
            if (since != null || endedAt != null && began.isBefore(endedAt)) {
                return;
            }
            since = clock.instant();
        }
        outages.increment();
        LOG.atWarn().addKeyValue("event", "database_outage").log("{}; passes wait and resume when it answers again",
                cause);
    }

    /**
     * A success ends the outage only if its work began after the outage did: a pass that read the database just
     * before it went away may report its success after another thread found it gone, and that success says nothing
     * about the database now (counting it would split one outage into two).
     *
     * @param began when the work that succeeded began
     */
    public void answered(Instant began) {
        Duration lasted;
        synchronized (this) {
            if (since == null || began.isBefore(since)) {
                return;
            }
            endedAt = clock.instant();
            lasted = Duration.between(since, endedAt);
            since = null;
        }
        LOG.atInfo().addKeyValue("event", "database_back").log("database reachable again after {} s",
                lasted.toSeconds());
    }
}
