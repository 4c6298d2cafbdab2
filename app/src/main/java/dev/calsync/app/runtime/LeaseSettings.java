package dev.calsync.app.runtime;

import dev.calsync.app.config.ConfigException;
import dev.calsync.app.config.ConfigProblem;
import dev.calsync.app.config.Durations;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How a process holds group leases, the same for the CLI verbs and for {@code serve}: its name and the lease's TTL. */
public final class LeaseSettings {
    /** Long enough for a slow pass between renewals, short enough that a crashed worker's groups are soon free. */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    /** Overrides {@link #DEFAULT_TTL} (e.g. {@code 2s}); crash tests use it to see a dead worker's lease run out. */
    public static final String TTL_VARIABLE = "CALSYNC_SYNC_LEASE_TTL";

    private LeaseSettings() {
    }

    /** @throws ConfigException when {@value #TTL_VARIABLE} is set but not a duration of at least a second */
    public static Duration ttl(Map<String, String> env) {
        String value = env.get(TTL_VARIABLE);
        if (value == null || value.isBlank()) {
            return DEFAULT_TTL;
        }
        try {
            Duration ttl = Durations.parse(value);
            if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("must be at least 1s, was " + value);
            }
            return ttl;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("environment", List.of(new ConfigProblem(TTL_VARIABLE, e.getMessage())));
        }
    }

    /** Names this worker in leases: host, pid and a random part, so two engines or a restart never share a name. */
    public static String workerId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
