package dev.calsync.app.web;

import dev.calsync.app.cluster.ClusterProperties;
import dev.calsync.app.cluster.TaskPlanner;
import dev.calsync.app.schedule.SyncScheduler;
import dev.calsync.app.server.ServerSettings;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarNames;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.store.CalendarSyncState;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import dev.calsync.store.ApiCallLog;
import dev.calsync.store.JdbcSyncStore;
import dev.calsync.store.LastPasses;
import dev.calsync.store.PushChannelStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Gathers a group's status from the store, the scheduler, the call log and the kept calendar lists. */
@Component
public class GroupStatuses {

    private final JdbcSyncStore store;
    private final AccountStore accounts;
    private final ApiCallLog callLog;
    private final SyncScheduler scheduler;
    private final LastPasses lastPasses;
    private final CalendarLists calendarLists;
    private final PushChannelStore channels;
    private final Duration firstPollWithin;
    private final Clock clock;

    public GroupStatuses(JdbcSyncStore store, AccountStore accounts, ApiCallLog callLog, SyncScheduler scheduler,
                         LastPasses lastPasses, CalendarLists calendarLists, PushChannelStore channels,
                         ClusterProperties cluster, ServerSettings settings, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.callLog = callLog;
        this.scheduler = scheduler;
        this.lastPasses = lastPasses;
        this.calendarLists = calendarLists;
        this.channels = channels;
        // The planner picks new calendars up every planInterval and spreads their first polls over a moment.
        Duration spread = settings.config().sync().pollInterval().compareTo(TaskPlanner.FIRST_POLL_SPREAD) < 0
                ? settings.config().sync().pollInterval() : TaskPlanner.FIRST_POLL_SPREAD;
        this.firstPollWithin = cluster.planInterval().plus(spread);
        this.clock = clock;
    }

    public GroupStatus of(SyncGroup group) {
        List<KnownBlock> blocks = store.blocks(group.id());
        List<GroupStatus.CalendarStatus> calendars = new ArrayList<>();
        for (CalendarRef calendar : group.calendars()) {
            CalendarSyncState state = store.syncState(group.id(), calendar);
            Optional<Account> account = accounts.find(calendar.accountId());
            calendars.add(new GroupStatus.CalendarStatus(calendar.key(), calendar.accountId(), calendar.calendarId(),
                    nameOf(calendar), account.map(CalendarChoices::labelOf).orElse(calendar.accountId()),
                    latest(state.lastIncrementalSync(), state.lastFullSync()),
                    lastKind(state), state.lastError(), state.lastErrorAt(),
                    blocks.stream().filter(b -> b.target().equals(calendar)).count(),
                    account.map(a -> a.status() == AccountStatus.RECONNECT_NEEDED).orElse(false),
                    channels.newestOpen(calendar)
                            .map(c -> new GroupStatus.Push(c.expiration(), channels.merges(calendar))).orElse(null)));
        }
        LastPasses.LastPass lastRun = lastPasses.find(group.id()).orElse(null);
        return new GroupStatus(group.id(), group.mode().name().toLowerCase(Locale.ROOT),
                group.manualEdits().name().toLowerCase(Locale.ROOT), group.busyTitle(), store.isPaused(group.id()),
                scheduler.nextPoll(group).orElse(null), firstPollWithin, scheduler.pending(group.id()).size(),
                lastRun, calendars, blocks.size(),
                callLog.totalsByKindOn(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), group.calendars()));
    }

    /** Its name in the kept calendar list; the 5-second refresh never reads a list from the provider. */
    private String nameOf(CalendarRef calendar) {
        return calendarLists.cached(calendar.accountId())
                .flatMap(listed -> CalendarNames.resolve(calendar.calendarId(), listed.calendars()))
                .map(info -> info.summary() == null ? info.id() : info.summary())
                .orElse(calendar.calendarId());
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
