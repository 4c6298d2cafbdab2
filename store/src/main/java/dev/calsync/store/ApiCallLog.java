package dev.calsync.store;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallListener;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The {@code api_calls} table: provider calls counted per UTC day, account, kind and outcome, for the dashboard;
 * and {@code calendar_api_calls}, the same per calendar, so that a group's calls are those on its calendars.
 */
public final class ApiCallLog {

    /** The calendar id of calls about an account's calendar list, which concern no one calendar. */
    private static final String ACCOUNT_WIDE = "*";

    private final Jdbc jdbc;
    private final Clock clock;
    private final Upsert.Statement increment;
    private final Upsert.Statement incrementCalendar;

    public ApiCallLog(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        this.increment = Upsert.into("api_calls")
                .key("call_day", "account_id", "kind", "outcome")
                .increment("calls")
                .build(jdbc.dialect());
        this.incrementCalendar = Upsert.into("calendar_api_calls")
                .key("call_day", "account_id", "calendar_id", "kind")
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

    /**
     * Adds one call to today's counters of the account and, unless the call is about the account's calendar list
     * (calendar id {@code "*"}), of the calendar: both in one transaction.
     */
    public void record(CalendarRef calendar, String kind, String outcome) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.inTransactionDo(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(increment.sql())) {
                increment.bind(ps, day, calendar.accountId(), kind, outcome == null ? "unknown" : outcome, 1L);
                ps.executeUpdate();
            }
            if (!ACCOUNT_WIDE.equals(calendar.calendarId())) {
                try (PreparedStatement ps = connection.prepareStatement(incrementCalendar.sql())) {
                    incrementCalendar.bind(ps, day, calendar.accountId(), calendar.calendarId(), kind, 1L);
                    ps.executeUpdate();
                }
            }
        });
    }

    /** Counts every call a provider reports, one transaction per call. */
    public CallListener listener() {
        return (calendar, kind, outcome) -> record(calendar, kind.name(), outcome);
    }

    /** The day's calls on these calendars, per kind (all outcomes together), sorted by kind. */
    public Map<String, Long> totalsByKindOn(LocalDate day, Collection<CalendarRef> calendars) {
        Map<String, Long> totals = new TreeMap<>();
        if (calendars.isEmpty()) {
            return totals;
        }
        Set<CalendarRef> wanted = Set.copyOf(calendars);
        Set<String> accounts = new TreeSet<>();
        wanted.forEach(calendar -> accounts.add(calendar.accountId()));
        String sql = "SELECT account_id, calendar_id, kind, calls FROM calendar_api_calls WHERE call_day = ?"
                + " AND account_id IN (" + placeholders(accounts.size()) + ")";
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setObject(1, day);
                int i = 2;
                for (String account : accounts) {
                    ps.setString(i++, account);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (wanted.contains(new CalendarRef(rs.getString(1), rs.getString(2)))) {
                            totals.merge(rs.getString(3), rs.getLong(4), Long::sum);
                        }
                    }
                }
            }
            return totals;
        });
    }

    /** The calls of these accounts on each day from {@code from} to {@code to}, both included; 0 for a quiet day. */
    public SortedMap<LocalDate, Long> dailyTotals(Collection<String> accountIds, LocalDate from, LocalDate to) {
        SortedMap<LocalDate, Long> totals = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            totals.put(day, 0L);
        }
        if (accountIds.isEmpty()) {
            return totals;
        }
        List<String> accounts = List.copyOf(new TreeSet<>(accountIds));
        String sql = "SELECT call_day, SUM(calls) FROM api_calls WHERE call_day BETWEEN ? AND ?"
                + " AND account_id IN (" + placeholders(accounts.size()) + ") GROUP BY call_day";
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setObject(1, from);
                ps.setObject(2, to);
                for (int i = 0; i < accounts.size(); i++) {
                    ps.setString(i + 3, accounts.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        totals.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                    }
                }
            }
            return totals;
        });
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
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
