package dev.calsync.bench;

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
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The engine's provider, each call's thread CPU counted in a {@link CallCpu}; answers pass through unchanged. */
final class TimedProvider implements CalendarProvider {
    private final CalendarProvider delegate;
    private final CallCpu cpu;

    TimedProvider(CalendarProvider delegate, CallCpu cpu) {
        this.delegate = delegate;
        this.cpu = cpu;
    }

    @Override
    public List<CalendarInfo> listCalendars(String accountId) {
        return cpu.call(() -> delegate.listCalendars(accountId));
    }

    @Override
    public Optional<CalendarInfo> calendarNamed(String accountId, String name, List<CalendarInfo> listed) {
        return delegate.calendarNamed(accountId, name, listed);
    }

    @Override
    public ListOutcome listChanges(CalendarRef calendar, String syncToken) {
        return cpu.call(() -> delegate.listChanges(calendar, syncToken));
    }

    @Override
    public ChangeSet listAll(CalendarRef calendar, Instant timeMin) {
        return cpu.call(() -> delegate.listAll(calendar, timeMin));
    }

    @Override
    public InsertOutcome insert(CalendarRef calendar, String key, BlockBody body) {
        return cpu.call(() -> delegate.insert(calendar, key, body));
    }

    @Override
    public UpdateOutcome update(CalendarRef calendar, BlockHandle block, BlockBody body) {
        return cpu.call(() -> delegate.update(calendar, block, body));
    }

    @Override
    public DeleteOutcome delete(CalendarRef calendar, BlockHandle block) {
        return cpu.call(() -> delegate.delete(calendar, block));
    }

    @Override
    public UpdateOutcome updateOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence,
                                          BlockBody body) {
        return cpu.call(() -> delegate.updateOccurrence(calendar, series, occurrence, body));
    }

    @Override
    public DeleteOutcome cancelOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence) {
        return cpu.call(() -> delegate.cancelOccurrence(calendar, series, occurrence));
    }
}
