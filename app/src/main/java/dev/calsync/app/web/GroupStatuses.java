package dev.calsync.app.web;

import dev.calsync.app.schedule.SyncScheduler;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.store.CalendarSyncState;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import dev.calsync.store.ApiCallLog;
import dev.calsync.store.JdbcSyncStore;
import dev.calsync.store.LastPasses;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Gathers a group's status from the store, the scheduler and the call log. */
@Component
public class GroupStatuses {

    private final JdbcSyncStore store;
    private final AccountStore accounts;
    private final ApiCallLog callLog;
    private final SyncScheduler scheduler;
    private final LastPasses lastPasses;
    private final Clock clock;

    public GroupStatuses(JdbcSyncStore store, AccountStore accounts, ApiCallLog callLog, SyncScheduler scheduler,
                         LastPasses lastPasses, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.callLog = callLog;
        this.scheduler = scheduler;
        this.lastPasses = lastPasses;
        this.clock = clock;
    }

    public GroupStatus of(SyncGroup group) {
        List<KnownBlock> blocks = store.blocks(group.id());
        List<GroupStatus.CalendarStatus> calendars = new ArrayList<>();
        for (CalendarRef calendar : group.calendars()) {
            CalendarSyncState state = store.syncState(group.id(), calendar);
            Optional<Account> account = accounts.find(calendar.accountId());
            calendars.add(new GroupStatus.CalendarStatus(calendar.key(), calendar.accountId(), calendar.calendarId(),
                    account.map(a -> a.email() != null ? a.email() : a.id()).orElse(calendar.accountId()),
                    latest(state.lastIncrementalSync(), state.lastFullSync()),
                    lastKind(state), state.lastError(), state.lastErrorAt(),
                    blocks.stream().filter(b -> b.target().equals(calendar)).count(),
                    account.map(a -> a.status() == AccountStatus.RECONNECT_NEEDED).orElse(false)));
        }
        LastPasses.LastPass lastRun = lastPasses.find(group.id()).orElse(null);
        return new GroupStatus(group.id(), group.mode().name().toLowerCase(Locale.ROOT),
                group.manualEdits().name().toLowerCase(Locale.ROOT), group.busyTitle(), store.isPaused(group.id()),
                scheduler.nextPoll(group).orElse(null), scheduler.pending(group.id()).size(), lastRun, calendars,
                blocks.size(), callsOf(group.calendars().stream().map(CalendarRef::accountId).distinct().toList()));
    }

    /** Today's (UTC) calls of these accounts, by kind, all outcomes together. */
    public Map<String, Long> callsOf(List<String> accountIds) {
        Map<String, Map<String, Long>> all = callLog.totalsByAccountAndKind(LocalDate.ofInstant(clock.instant(),
                ZoneOffset.UTC));
        Map<String, Long> byKind = new TreeMap<>();
        for (String accountId : accountIds) {
            all.getOrDefault(accountId, Map.of()).forEach((kind, calls) ->
                    byKind.merge(kind.toLowerCase(Locale.ROOT).replace('_', ' '), calls, Long::sum));
        }
        return byKind;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String lastKind(CalendarSyncState state) {
        if (state.lastIncrementalSync() == null && state.lastFullSync() == null) {
            return "never";
        }
        if (state.lastIncrementalSync() == null) {
            return "full";
        }
        return state.lastFullSync() == null || state.lastIncrementalSync().isAfter(state.lastFullSync())
                ? "incremental" : "full";
    }
}
