package dev.calsync.bench;

import dev.calsync.core.sync.GroupReport;

/** One engine pass as measured: its report, the calls it made, its wall and CPU time. */
record PassOutcome(GroupReport report, long calls, long wallNanos, long cpuNanos) {
}
