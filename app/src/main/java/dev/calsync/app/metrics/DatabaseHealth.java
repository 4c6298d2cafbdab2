package dev.calsync.app.metrics;

import dev.calsync.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code db} health component, in place of Spring's, which waits as long as the pool does (30 s) when the
 * database is gone, so a balancer's probe times out instead of reading DOWN. Here a probe (a pooled connection,
 * checked valid) that has not answered within {@link #WAIT} is DOWN, and one younger than {@link #MAX_AGE} is reused.
 * Every answer also tells {@link DatabaseOutages}.
 */
public final class DatabaseHealth implements HealthIndicator {
    static final Duration WAIT = Duration.ofMillis(500);
    static final Duration MAX_AGE = Duration.ofSeconds(1);
    private static final int VALID_SECONDS = 1;

    private final BoundedReading<Health> probe;
    private final DatabaseOutages outages;

    public DatabaseHealth(DataSource dataSource, DatabaseOutages outages, Clock clock) {
        this.outages = outages;
        this.probe = new BoundedReading<>("calsync-db-probe", () -> probe(dataSource), MAX_AGE, WAIT, clock);
    }

    @Override
    public Health health() {
        return probe.fresh().orElseGet(() -> {
            outages.unreachable("database unreachable (no connection within " + WAIT.toMillis() + " ms)");
            return Health.down().withDetail("error", "no connection within " + WAIT.toMillis() + " ms").build();
        });
    }

    private Health probe(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALID_SECONDS)) {
                outages.answered();
                return Health.up().build();
            }
            outages.unreachable("database unreachable (a connection that is no longer valid)");
            return Health.down().withDetail("error", "connection not valid").build();
        } catch (SQLException e) {
            outages.unreachable(StoreException.of("the health probe", "statement", true, e).getMessage());
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
