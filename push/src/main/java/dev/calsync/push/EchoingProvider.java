package dev.calsync.push;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ChangeSet;
import dev.calsync.core.provider.DeleteOutcome;
import dev.calsync.core.provider.InsertOutcome;
import dev.calsync.core.provider.ListOutcome;
import dev.calsync.core.provider.UpdateOutcome;
import dev.calsync.core.push.EchoLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A provider whose block writes announce their echoes: each write, before it is sent, tells the {@link EchoLedger}
 * to expect one notification on its calendar (so the notification can never arrive before it is expected), and takes
 * that back when the write changed nothing (refused as already there or already gone) or failed. Reads pass through.
 * The ledger is only an optimisation: when it fails, the write goes ahead and its echo costs one list.
 */
public final class EchoingProvider implements CalendarProvider {
    private static final System.Logger LOG = System.getLogger(EchoingProvider.class.getName());

    private final CalendarProvider delegate;
    private final EchoLedger ledger;
    private final Duration window;

    /** @param window how long each expectation lasts after the calendar's latest write */
    public EchoingProvider(CalendarProvider delegate, EchoLedger ledger, Duration window) {
        this.delegate = delegate;
        this.ledger = ledger;
        this.window = window;
    }

    @Override
    public List<CalendarInfo> listCalendars(String accountId) {
        return delegate.listCalendars(accountId);
    }

    @Override
    public ListOutcome listChanges(CalendarRef calendar, String syncToken) {
        return delegate.listChanges(calendar, syncToken);
    }

    @Override
    public ChangeSet listAll(CalendarRef calendar, Instant timeMin) {
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

    private <T> T write(CalendarRef calendar, Supplier<T> call, Predicate<T> changedSomething) {
        boolean expected = expect(calendar);
        T outcome;
        try {
            outcome = call.get();
        } catch (RuntimeException e) {
            // It may or may not have landed; if it did, its notification costs one extra list, which is safe.
            if (expected) {
                cancel(calendar);
            }
            throw e;
        }
        if (expected && !changedSomething.test(outcome)) {
            cancel(calendar);
        }
        return outcome;
    }

    private boolean expect(CalendarRef calendar) {
        try {
            ledger.expect(calendar, window);
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not record an expected echo on " + calendar, e);
            return false;
        }
    }

    private void cancel(CalendarRef calendar) {
        try {
            ledger.cancel(calendar);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not take back an expected echo on " + calendar, e);
        }
    }
}
