package dev.calsync.core.sync;

/** The group's lease ran out and may be held by another worker: stop writing at once. */
final class LeaseLostException extends RuntimeException {
    LeaseLostException(String groupId) {
        super("lease on group " + groupId + " was lost");
    }
}
