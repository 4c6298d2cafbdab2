package dev.calsync.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to simulate.
 *
 * @param users                 simulated people, each with one sync group of 2–4 calendars over 1–3 accounts
 * @param days                  simulated days after the initial sync
 * @param seed                  makes the workload (events, changes, faults) repeatable
 * @param changesPerUserDay     source changes per user per day (new meetings, moves, cancellations, …)
 * @param tokenExpiriesPerDay   sync tokens that expire (410 fullSyncRequired) per user per day
 * @param rateLimitBurstsPerDay bursts of three 403 rateLimitExceeded answers per user per day
 * @param modes                 which of {@link #ALL_MODES} to run; empty means all
 */
public record BenchOptions(int users, int days, long seed, double changesPerUserDay, double tokenExpiriesPerDay,
                           double rateLimitBurstsPerDay, Set<String> modes) {

    public static final String NAIVE = "naive";
    public static final String FULL = "full";
    public static final String INCREMENTAL_15M = "incremental15m";
    /** incremental15m on Microsoft 365 calendars: the Graph adapter against the Graph emulator. */
    public static final String MICROSOFT_15M = "microsoft15m";
    public static final String INCREMENTAL_5M = "incremental5m";
    public static final String PUSH = "push";
    /** push with Google merging each channel's changes within a window into one notification (emulated). */
    public static final String PUSH_MERGING = "pushmerging";
    /** Every mode, in report order. */
    public static final List<String> ALL_MODES = List.of(NAIVE, INCREMENTAL_15M, MICROSOFT_15M, INCREMENTAL_5M, FULL,
            PUSH, PUSH_MERGING);

    public BenchOptions {
        if (users < 1) {
            throw new IllegalArgumentException("users must be >= 1, was " + users);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1, was " + days);
        }
        if (changesPerUserDay < 0 || tokenExpiriesPerDay < 0 || rateLimitBurstsPerDay < 0) {
            throw new IllegalArgumentException("rates must not be negative");
        }
        modes = modes == null || modes.isEmpty() ? new LinkedHashSet<>(ALL_MODES) : Set.copyOf(modes);
        for (String mode : modes) {
            if (!ALL_MODES.contains(mode)) {
                throw new IllegalArgumentException("unknown mode '" + mode + "' (one of " + ALL_MODES + ")");
            }
        }
    }

    /** The defaults of {@code calsync bench}: 100 users, 1 day, seed 1, 20 changes, 1 token expiry and 1 burst per 100 user-days. */
    public static BenchOptions defaults() {
        return new BenchOptions(100, 1, 1L, 20.0, 0.01, 0.01, Set.of());
    }

    public BenchOptions withUsers(int newUsers) {
        return new BenchOptions(newUsers, days, seed, changesPerUserDay, tokenExpiriesPerDay, rateLimitBurstsPerDay, modes);
    }

    public BenchOptions withDays(int newDays) {
        return new BenchOptions(users, newDays, seed, changesPerUserDay, tokenExpiriesPerDay, rateLimitBurstsPerDay, modes);
    }

    public BenchOptions withSeed(long newSeed) {
        return new BenchOptions(users, days, newSeed, changesPerUserDay, tokenExpiriesPerDay, rateLimitBurstsPerDay, modes);
    }

    public BenchOptions withModes(Set<String> newModes) {
        return new BenchOptions(users, days, seed, changesPerUserDay, tokenExpiriesPerDay, rateLimitBurstsPerDay, newModes);
    }

    /** Modes to run, in report order. */
    public List<String> orderedModes() {
        return ALL_MODES.stream().filter(modes::contains).toList();
    }

    boolean runs(String mode) {
        return Objects.requireNonNull(modes).contains(mode);
    }
}
