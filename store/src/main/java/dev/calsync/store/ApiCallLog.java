package dev.calsync.store;

import dev.calsync.core.provider.CallListener;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The {@code api_calls} table: provider calls counted per UTC day, account, kind and outcome, for the dashboard. */
public final class ApiCallLog {

    private final Jdbc jdbc;
    private final Clock clock;
    private final Upsert.Statement increment;

    public ApiCallLog(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        this.increment = Upsert.into("api_calls")
                .key("call_day", "account_id", "kind", "outcome")
                .increment("calls")
                .build(jdbc.dialect());
    }

    public ApiCallLog(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** Adds {@code n} calls to today's (UTC, by the clock) counter. */
    public void record(String accountId, String kind, String outcome, long n) {
        record(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), accountId, kind, outcome, n);
    }

    public void record(LocalDate day, String accountId, String kind, String outcome, long n) {
        if (n == 0) {
            return;
        }
        // A transaction so that H2's rare duplicate-key race on the day's first call is retried (see Jdbc).
        jdbc.inTransactionDo(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(increment.sql())) {
                increment.bind(ps, day, accountId, kind, outcome == null ? "unknown" : outcome, n);
                ps.executeUpdate();
            }
        });
    }

    /** Counts every call a provider reports, one database write per call. */
    public CallListener listener() {
        return (calendar, kind, outcome) -> record(calendar.accountId(), kind.name(), outcome, 1);
    }

    /** The day's counters, ordered by account, kind and outcome. */
    public List<ApiCallCount> counts(LocalDate day) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT account_id, kind, outcome, calls"
                    + " FROM api_calls WHERE call_day = ?")) {
                ps.setObject(1, day);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ApiCallCount> counts = new ArrayList<>();
                    while (rs.next()) {
                        counts.add(new ApiCallCount(day, rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getLong(4)));
                    }
                    counts.sort(java.util.Comparator.comparing(ApiCallCount::accountId)
                            .thenComparing(ApiCallCount::kind).thenComparing(ApiCallCount::outcome));
                    return counts;
                }
            }
        });
    }

    /** The day's calls per account, then per kind (all outcomes together), both sorted. */
    public Map<String, Map<String, Long>> totalsByAccountAndKind(LocalDate day) {
        Map<String, Map<String, Long>> totals = new TreeMap<>();
        for (ApiCallCount count : counts(day)) {
            totals.computeIfAbsent(count.accountId(), a -> new TreeMap<>()).merge(count.kind(), count.calls(), Long::sum);
        }
        return totals;
    }

    /** The day's calls per account, all kinds and outcomes together. */
    public Map<String, Long> totalsByAccount(LocalDate day) {
        Map<String, Long> totals = new TreeMap<>();
        for (ApiCallCount count : counts(day)) {
            totals.merge(count.accountId(), count.calls(), Long::sum);
        }
        return totals;
    }
}
