package dev.calsync.app.config;

import java.util.Optional;

/**
 * Push notifications.
 *
 * @param publicUrl the address Google can reach this server at, or null to poll only
 */
public record PushConfig(String publicUrl) {

    public boolean enabled() {
        return publicUrl != null;
    }

    public Optional<String> publicUrlIfEnabled() {
        return Optional.ofNullable(publicUrl);
    }
}
