package dev.calsync.bench;

import java.util.Map;

/**
 * What one mode cost and achieved. The named components are the keys scripts rely on (issue 8);
 * {@code details} holds every further measurement, in report order.
 *
 * @param calls                 API calls of the simulated days (initial sync and verification excluded), all users
 * @param callsPerUserDay       calls / users / days
 * @param lowerBound            the fewest calls that could do the same job (see {@link BenchReport})
 * @param ratioToLowerBound     calls / lowerBound (goal 1.00)
 * @param usersPerDailyQuota    1,000,000 / callsPerUserDay
 * @param propagationP95Seconds source change → the pass that wrote its blocks, simulated seconds
 * @param verifyConsistent      every group verified consistent at the end of the run
 */
public record ModeResult(String mode, int users, int days, long calls, double callsPerUserDay, long lowerBound,
                         double ratioToLowerBound, double usersPerDailyQuota, double propagationP95Seconds,
                         boolean verifyConsistent, Map<String, Object> details) {

    public ModeResult {
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Double> callsPerUserDayByKind() {
        return (Map<String, Double>) details.get("callsPerUserDayByKind");
    }

    public double detail(String key) {
        Object value = details.get(key);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
