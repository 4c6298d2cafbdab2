package dev.calsync.app.cluster;

import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.DeleteOutcome;
import dev.calsync.core.provider.InsertOutcome;
import dev.calsync.core.provider.ListOutcome;
import dev.calsync.core.provider.UpdateOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider as the cluster's engine sees it, plus what the node learns on the way: expired tokens and full
 * lists go to the metrics, and the {@code updated} time of each changed source event read incrementally is kept for
 * the pass, so its end can be measured against it (propagation latency).
 * A pass runs on one thread, so what a pass read is kept per thread between {@link #beginPass} and
 * {@link #endPass}.
 */
final class ObservedProvider implements CalendarProvider {

    private static final ThreadLocal<List<Instant>> CHANGED = new ThreadLocal<>();

    private final CalendarProvider delegate;
    private final CalsyncMetrics metrics;

    ObservedProvider(CalendarProvider delegate, CalsyncMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    void beginPass() {
        CHANGED.set(new ArrayList<>());
    }

    /** The {@code updated} times of the source changes read since {@link #beginPass}. */
    List<Instant> endPass() {
        List<Instant> changed = CHANGED.get();
        CHANGED.remove();
        return changed == null ? List.of() : changed;
    }

    @Override
    public List<CalendarInfo> listCalendars(String accountId) {
        return delegate.listCalendars(accountId);
    }

    @Override
    public ListOutcome listChanges(CalendarRef calendar, String syncToken) {
        ListOutcome outcome = delegate.listChanges(calendar, syncToken);
        if (outcome instanceof ListOutcome.FullSyncRequired) {
            metrics.tokenExpired();
        } else if (outcome instanceof ListOutcome.Changes changes) {
            List<Instant> changed = CHANGED.get();
            if (changed != null) {
                for (SourceEvent event : changes.changes().events()) {
                    // Our own blocks are not source changes: their echoes say nothing about propagation.
                    if (event.updated() != null && !BlockMarker.isBlock(event.privateProperties())) {
                        changed.add(event.updated());
                    }
                }
            }
        }
        return outcome;
    }

    @Override
    public ChangeSet listAll(CalendarRef calendar, Instant timeMin) {
        metrics.fullSync();
        return delegate.listAll(calendar, timeMin);
    }

    @Override
    public InsertOutcome insert(CalendarRef calendar, String key, BlockBody body) {
        return delegate.insert(calendar, key, body);
    }

    @Override
    public UpdateOutcome update(CalendarRef calendar, BlockHandle block, BlockBody body) {
        return delegate.update(calendar, block, body);
    }

    @Override
    public DeleteOutcome delete(CalendarRef calendar, BlockHandle block) {
        return delegate.delete(calendar, block);
    }

    @Override
    public UpdateOutcome updateOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence,
                                          BlockBody body) {
        return delegate.updateOccurrence(calendar, series, occurrence, body);
    }

    @Override
    public DeleteOutcome cancelOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence) {
        return delegate.cancelOccurrence(calendar, series, occurrence);
    }
}
