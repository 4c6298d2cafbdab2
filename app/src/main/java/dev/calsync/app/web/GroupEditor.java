package dev.calsync.app.web;

import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.block.KnownBlock;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.store.JdbcSyncStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Takes calendars out of groups and deletes groups without leaving a block behind. The engine does the work: the
 * group is saved without the calendar (or without any), and a full reconcile deletes every block nobody wants any
 * more, including those on the calendar that left, which the store still knows. A sweep of each calendar that left,
 * by the group's marker, then deletes blocks the store never knew of (a lost write response, an older version).
 */
@Component
public class GroupEditor {

    /** A pass holding the lease is waited for at most this long (the lease's own time to live and some). */
    private static final Duration LEASE_WAIT = Duration.ofSeconds(40);

    /** @param errors what could not be removed; repeating the removal finishes the job */
    public record Removal(int deleted, List<String> errors) {
        public boolean complete() {
            return errors.isEmpty();
        }
    }

    private final JdbcSyncStore store;
    private final SyncEngine engine;
    private final CalendarProvider provider;
    private final Clock clock;

    public GroupEditor(JdbcSyncStore store, SyncEngine engine, CalendarProvider provider, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.provider = provider;
        this.clock = clock;
    }

    /** Blocks that go when {@code calendar} leaves the group: those on it and those mirroring its events. */
    public long blocksOf(SyncGroup group, CalendarRef calendar) {
        return store.blocks(group.id()).stream()
                .filter(b -> b.target().equals(calendar) || calendar.key().equals(b.sourceCalendar()))
                .count();
    }

    public long blocksOf(SyncGroup group) {
        return store.blocks(group.id()).size();
    }

    public Removal removeCalendar(SyncGroup group, CalendarRef calendar) {
        List<CalendarRef> remaining = group.calendars().stream().filter(c -> !c.equals(calendar)).toList();
        SyncGroup smaller = new SyncGroup(group.id(), group.owner(), group.busyTitle(), group.window(), group.mode(),
                group.manualEdits(), remaining, group.rules());
        store.saveGroup(smaller);
        List<String> errors = new ArrayList<>();
        int deleted = converge(smaller, errors);
        deleted += sweep(group, calendar, errors);
        return new Removal(deleted, errors);
    }

    /** Removes every block of the group, then the group; a group whose blocks could not all go is kept, empty. */
    public Removal deleteGroup(SyncGroup group) {
        SyncGroup empty = new SyncGroup(group.id(), group.owner(), group.busyTitle(), group.window(), group.mode(),
                group.manualEdits(), List.of(), group.rules());
        store.saveGroup(empty);
        List<String> errors = new ArrayList<>();
        int deleted = converge(empty, errors);
        for (CalendarRef calendar : group.calendars()) {
            deleted += sweep(group, calendar, errors);
        }
        if (errors.isEmpty() && store.blocks(group.id()).isEmpty()) {
            store.deleteGroup(group.id());
        }
        return new Removal(deleted, errors);
    }

    private int converge(SyncGroup group, List<String> errors) {
        Instant giveUp = clock.instant().plus(LEASE_WAIT);
        GroupReport report = engine.sync(group, SyncRequest.fullReconcile());
        while (report.outcome() == GroupReport.Outcome.LEASE_HELD && clock.instant().isBefore(giveUp)) {
            pause();
            report = engine.sync(group, SyncRequest.fullReconcile());
        }
        if (report.outcome() == GroupReport.Outcome.LEASE_HELD) {
            errors.add("another pass is still running on this group; try again in a minute");
        }
        report.calendars().stream().filter(c -> c.error() != null)
                .forEach(c -> errors.add(c.calendar() + ": " + c.error()));
        return report.deleted();
    }

    /** Deletes what a listing of the calendar shows as this group's blocks, and forgets the calendar's rows. */
    private int sweep(SyncGroup group, CalendarRef calendar, List<String> errors) {
        int deleted = 0;
        try {
            List<SourceEvent> events = provider.listAll(calendar, group.window().start(clock.instant())).events();
            for (SourceEvent event : events) {
                boolean ours = BlockMarker.read(event.privateProperties())
                        .filter(marker -> marker.groupId().equals(group.id())).isPresent();
                if (ours && !event.cancelled()) {
                    provider.delete(calendar, new BlockHandle(
                            BlockMarker.keyOf(event.id(), event.privateProperties()), event.id(), null));
                    deleted++;
                }
            }
        } catch (ProviderException e) {
            errors.add(calendar.key() + ": " + e.getMessage());
            return deleted;
        }
        for (KnownBlock block : store.blocks(group.id())) {
            if (block.target().equals(calendar)) {
                store.removeBlock(group.id(), calendar, block.blockId());
            }
        }
        return deleted;
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
