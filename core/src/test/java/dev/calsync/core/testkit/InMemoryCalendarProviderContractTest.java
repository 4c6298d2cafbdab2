package dev.calsync.core.testkit;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.reconcile.WeeklyRecurrences;
import java.time.Instant;

/** The in-memory service that the engine's own tests run on keeps the contract every adapter keeps. */
class InMemoryCalendarProviderContractTest extends CalendarProviderContract {
    private final InMemoryCalendarProvider provider = new InMemoryCalendarProvider(new WeeklyRecurrences());
    private int calendars;
    private int events;

    @Override
    protected CalendarProvider provider() {
        return provider;
    }

    @Override
    protected CalendarRef emptyCalendar() {
        CalendarRef calendar = new CalendarRef("contract", "calendar" + (++calendars));
        provider.addCalendar(calendar, "Contract " + calendars);
        return calendar;
    }

    @Override
    protected void personAddsEvent(CalendarRef calendar, String summary, Instant start, Instant end) {
        provider.personWrites(calendar, SourceEvent.timed("person" + (++events), start, end));
    }
}
