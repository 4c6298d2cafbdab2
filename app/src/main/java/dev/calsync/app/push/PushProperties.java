package dev.calsync.app.push;

import dev.calsync.push.PushTiming;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Push settings beyond {@code push.publicUrl} (which turns push on and lives in calsync's own configuration).
 * Spring properties, so each one can also be set from the environment: {@code CALSYNC_PUSH_SECRET},
 * {@code CALSYNC_PUSH_DEBOUNCE}, {@code CALSYNC_PUSH_SAFETY_POLL_INTERVAL}, …; what is unset is
 * {@link PushTiming#DEFAULTS}.
 *
 * @param secret             signs channel tokens (HMAC-SHA256 of the channel id); required when push is on,
 *                           at least 32 characters; never logged
 * @param debounce           notifications of one calendar within one window of this length make one sync
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

    public PushProperties {
        PushTiming defaults = PushTiming.DEFAULTS;
        debounce = debounce == null ? defaults.debounce() : debounce;
        channelTtl = channelTtl == null ? defaults.channelTtl() : channelTtl;
        renewBefore = renewBefore == null ? defaults.renewBefore() : renewBefore;
        echoWindow = echoWindow == null ? defaults.echoWindow() : echoWindow;
        safetyPollInterval = safetyPollInterval == null ? defaults.safetyPoll() : safetyPollInterval;
    }

    /** @param channelRound how often the channel task runs ({@code calsync.cluster.channel-interval}) */
    public PushTiming timing(Duration channelRound) {
        return new PushTiming(debounce, channelTtl, renewBefore, echoWindow, safetyPollInterval, channelRound);
    }

    @Override
    public String toString() {
        // The secret never appears in logs or error messages.
        return "PushProperties[secret=" + (secret == null ? "unset" : "***") + ", debounce=" + debounce
                + ", channelTtl=" + channelTtl + ", renewBefore=" + renewBefore + ", echoWindow=" + echoWindow
                + ", safetyPollInterval=" + safetyPollInterval + "]";
    }
}
