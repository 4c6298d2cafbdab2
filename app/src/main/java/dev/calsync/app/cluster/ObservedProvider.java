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
import java.util.function.Consumer;

/**
 * The provider as the cluster's engine sees it: the Google adapter, plus what the node learns on the way.
 * <ul>
 *   <li>expired tokens and full lists go to the metrics;</li>
 *   <li>the {@code updated} time of each changed source event read incrementally is kept for the pass, so its
 *       end can be measured against it (propagation latency);</li>
 *   <li>with push on, each block write announces the notification it will cause before it is sent (an echo to
 *       absorb), and takes it back when the write changed nothing.</li>
 * </ul>
 * A pass runs on one thread, so what a pass read is kept per thread between {@link #beginPass} and
 * {@link #endPass}.
 */
final class ObservedProvider implements CalendarProvider {

    /** Where echoes are announced: {@code expect} before a write, {@code cancel} when it changed nothing. */
    interface Echoes {
        Echoes NONE = new Echoes() {
            @Override
            public void expect(CalendarRef calendar) {
            }

            @Override
            public void cancel(CalendarRef calendar) {
            }
        };

        void expect(CalendarRef calendar);

        void cancel(CalendarRef calendar);
    }

    private static final ThreadLocal<List<Instant>> CHANGED = new ThreadLocal<>();

    private final CalendarProvider delegate;
    private final CalsyncMetrics metrics;
    private final Echoes echoes;

    ObservedProvider(CalendarProvider delegate, CalsyncMetrics metrics, Echoes echoes) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.echoes = echoes;
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
        return write(calendar, () -> delegate.insert(calendar, key, body), o -> o instanceof InsertOutcome.Created);
    }

    @Override
    public UpdateOutcome update(CalendarRef calendar, BlockHandle block, BlockBody body) {
        return write(calendar, () -> delegate.update(calendar, block, body), o -> o instanceof UpdateOutcome.Updated);
    }

    @Override
    public DeleteOutcome delete(CalendarRef calendar, BlockHandle block) {
        return write(calendar, () -> delegate.delete(calendar, block), o -> o == DeleteOutcome.DELETED);
    }

    @Override
    public UpdateOutcome updateOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence,
                                          BlockBody body) {
        return write(calendar, () -> delegate.updateOccurrence(calendar, series, occurrence, body),
                o -> o instanceof UpdateOutcome.Updated);
    }

    @Override
    public DeleteOutcome cancelOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence) {
        return write(calendar, () -> delegate.cancelOccurrence(calendar, series, occurrence),
                o -> o == DeleteOutcome.DELETED);
    }

    private <T> T write(CalendarRef calendar, java.util.function.Supplier<T> call,
                        java.util.function.Predicate<T> changedSomething) {
        echoes.expect(calendar);
        T outcome;
        try {
            outcome = call.get();
        } catch (RuntimeException e) {
            // It may or may not have landed; if it did, its notification costs one extra list, which is safe.
            echoes.cancel(calendar);
            throw e;
        }
        if (!changedSomething.test(outcome)) {
            echoes.cancel(calendar);
        }
        return outcome;
    }

    /** For tests: the consumer form of {@link Echoes}. */
    static Echoes echoes(Consumer<CalendarRef> expect, Consumer<CalendarRef> cancel) {
        return new Echoes() {
            @Override
            public void expect(CalendarRef calendar) {
                expect.accept(calendar);
            }

            @Override
            public void cancel(CalendarRef calendar) {
                cancel.accept(calendar);
            }
        };
    }
}
