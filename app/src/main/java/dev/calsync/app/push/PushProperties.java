package dev.calsync.app.push;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Push settings beyond {@code push.publicUrl} (which turns push on and lives in calsync's own configuration).
 * Spring properties, so each one can also be set from the environment: {@code CALSYNC_PUSH_SECRET},
 * {@code CALSYNC_PUSH_DEBOUNCE}, {@code CALSYNC_PUSH_SAFETY_POLL_INTERVAL}, …
 *
 * @param secret             signs channel tokens (HMAC-SHA256 of the channel id); required when push is on,
 *                           at least 32 characters; never logged
 * @param debounce           notifications of one calendar within this window make one sync
 * @param channelTtl         lifetime asked for each channel (Google's default and maximum is 7 days)
 * @param renewBefore        a channel is replaced this long before it expires
 * @param echoWindow         how long a notification expected for our own write may still be absorbed
 * @param safetyPollInterval how often each calendar is polled anyway while its channel is open
 */
@ConfigurationProperties("calsync.push")
public record PushProperties(
        String secret,
        Duration debounce,
        Duration channelTtl,
        Duration renewBefore,
        Duration echoWindow,
        Duration safetyPollInterval) {

    /** Where Google posts notifications, relative to {@code push.publicUrl}. */
    public static final String WEBHOOK_PATH = "webhooks/google";
    public static final int MIN_SECRET_LENGTH = 32;

    public PushProperties {
        debounce = debounce == null ? Duration.ofSeconds(1) : debounce;
        channelTtl = channelTtl == null ? Duration.ofDays(7) : channelTtl;
        renewBefore = renewBefore == null ? Duration.ofDays(1) : renewBefore;
        echoWindow = echoWindow == null ? Duration.ofSeconds(60) : echoWindow;
        safetyPollInterval = safetyPollInterval == null ? Duration.ofHours(6) : safetyPollInterval;
    }

    @Override
    public String toString() {
        // The secret never appears in logs or error messages.
        return "PushProperties[secret=" + (secret == null ? "unset" : "***") + ", debounce=" + debounce
                + ", channelTtl=" + channelTtl + ", renewBefore=" + renewBefore + ", echoWindow=" + echoWindow
                + ", safetyPollInterval=" + safetyPollInterval + "]";
    }
}
