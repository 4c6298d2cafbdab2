package dev.calsync.app.config;

import dev.calsync.core.group.SyncMode;
import java.time.Duration;

/**
 * Global sync settings.
 *
 * @param mode         the feature flag for groups that do not set their own mode
 * @param pollInterval how often each group is polled when push notifications are not used
 */
public record SyncConfig(SyncMode mode, Duration pollInterval) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(5);
}
