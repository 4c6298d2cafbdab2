package dev.calsync.core.reconcile;

/** A source event inside a group: the key of its source calendar and its event id. */
public record SourceKey(String calendar, String eventId) {
}
