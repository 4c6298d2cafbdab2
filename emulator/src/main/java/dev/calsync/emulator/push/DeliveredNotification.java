package dev.calsync.emulator.push;

import java.time.Instant;

/** One push notification the emulator POSTed; {@code httpStatus} is -1 when the address could not be reached. */
public record DeliveredNotification(String channelId, String resourceId, String resourceState, long messageNumber,
                                    String channelToken, String address, int httpStatus, Instant sentAt) {}
