package dev.calsync.app.metrics;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code db} health component, in place of Spring's, which waits as long as the pool does (30 s) when the
 * database is gone, so a balancer's probe times out instead of reading DOWN. The probe has a connection of its own
 * (a pool of one that waits {@link #CONNECT} at most, so a busy main pool does not read as DOWN and a refused
 * connection is known at once, with the driver's reason), runs on a thread of its own and is reused for
 * {@link #MAX_AGE}; one that has not answered within {@link #WAIT} is DOWN. Every answer also tells
 * {@link DatabaseOutages}.
 */
public final class DatabaseHealth implements HealthIndicator, AutoCloseable {
    static final Duration WAIT = Duration.ofMillis(500);
    static final Duration MAX_AGE = Duration.ofSeconds(1);
    static final Duration CONNECT = Duration.ofMillis(400);
    private static final int VALID_SECONDS = 1;

    private final HikariDataSource probePool;
    private final BoundedReading<Health> probe;
    private final DatabaseOutages outages;
    private final Clock clock;

    public DatabaseHealth(HikariDataSource pool, DatabaseOutages outages, Clock clock) {
        this.outages = outages;
        this.clock = clock;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pool.getJdbcUrl());
        config.setUsername(pool.getUsername());
        config.setPassword(pool.getPassword());
        config.setPoolName("calsync-health");
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(CONNECT.toMillis());
        config.setValidationTimeout(Math.min(CONNECT.toMillis(), 250));
        config.setInitializationFailTimeout(-1); // a node starts (and says DOWN) even if the database is gone
        this.probePool = new HikariDataSource(config);
        this.probe = new BoundedReading<>("calsync-db-probe", this::probe, MAX_AGE, WAIT, clock);
    }

    @Override
    public Health health() {
        return probe.fresh().orElseGet(() -> {
            outages.unreachable("database unreachable (no answer within " + WAIT.toMillis() + " ms)",
                    clock.instant().minus(WAIT));
            return Health.down().withDetail("error", "no answer within " + WAIT.toMillis() + " ms").build();
        });
    }

    private Health probe() {
        Instant began = clock.instant();
        try (Connection connection = probePool.getConnection()) {
            if (connection.isValid(VALID_SECONDS)) {
                outages.answered(began);
                return Health.up().build();
            }
            outages.unreachable("database unreachable (the connection is no longer valid)", began);
            return Health.down().withDetail("error", "connection not valid").build();
        } catch (SQLException e) {
            outages.unreachable(StoreException.of("the health probe", "statement", true, e).getMessage(), began);
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    @Override
    public void close() {
        probePool.close();
    }
}
