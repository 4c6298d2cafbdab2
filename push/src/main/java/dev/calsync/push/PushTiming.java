package dev.calsync.push;

import java.time.Duration;

/**
 * The timing of push, with the service's defaults (which the benchmark runs too).
 *
 * @param debounce     notifications of one calendar within one window of this length make one sync
 * @param channelTtl   lifetime asked for each channel (Google's default and maximum is 7 days)
 * @param renewBefore  a channel is renewed once it expires within this
 * @param echoWindow   how long a notification expected for our own write may still be absorbed
 * @param safetyPoll   how often each calendar is polled anyway while its channel is open
 * @param channelRound how often channels are checked: opened, renewed, stopped
 */
public record PushTiming(Duration debounce, Duration channelTtl, Duration renewBefore, Duration echoWindow,
                         Duration safetyPoll, Duration channelRound) {

    public static final PushTiming DEFAULTS = new PushTiming(Duration.ofSeconds(1), Duration.ofDays(7),
            Duration.ofDays(1), Duration.ofSeconds(60), Duration.ofHours(6), Duration.ofMinutes(10));
}
