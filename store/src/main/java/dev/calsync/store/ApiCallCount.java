package dev.calsync.store;

import java.time.LocalDate;

/** Provider calls of one account, kind and outcome on one UTC day. */
public record ApiCallCount(LocalDate day, String accountId, String kind, String outcome, long calls) {
}
