package dev.calsync.emulator.graph.push;

import java.time.Instant;

/**
 * One POST the emulator made to a subscriber: a change notification ({@code changeType} set), a lifecycle
 * notification ({@code lifecycleEvent} set) or a validation request. {@code httpStatus} is -1 when no answer came
 * in time; {@code attempt} counts from 1 (Graph retries unacknowledged notifications).
 */
public record DeliveredNotification(String subscriptionId, String kind, String changeType, String lifecycleEvent,
                                    String resourceId, String url, int attempt, int httpStatus, Instant sentAt) {}
