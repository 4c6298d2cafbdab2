package dev.calsync.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.reconcile.WeeklyRecurrences;
import dev.calsync.core.testkit.InMemoryCalendarProvider;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingCalendarProviderTest {
    private static final CalendarRef WORK = new CalendarRef("work", "primary");
    private static final CalendarRef HOME = new CalendarRef("home", "personal");
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private final InMemoryCalendarProvider google = new InMemoryCalendarProvider(new WeeklyRecurrences());
    private final InMemoryCalendarProvider caldav = new InMemoryCalendarProvider(new WeeklyRecurrences());
    private final RoutingCalendarProvider routing = new RoutingCalendarProvider(
            Map.of("google", google, "caldav", caldav),
            account -> Map.of("work", "google", "home", "caldav", "odd", "exchange2003").get(account));

    @Test
    void eachCallGoesToTheAdapterOfTheAccountsProvider() {
        google.addCalendar(WORK, "Work");
        caldav.addCalendar(HOME, "Home");
        caldav.personWrites(HOME, SourceEvent.timed("dentist", AT, AT.plusSeconds(3600)));

        assertThat(routing.listAll(HOME, AT.minusSeconds(86400)).events()).extracting(SourceEvent::id)
                .containsExactly("dentist");
        assertThat(routing.listAll(WORK, AT.minusSeconds(86400)).events()).isEmpty();
        assertThat(routing.listCalendars("home")).extracting(CalendarInfo::id).containsExactly("personal");
    }

    @Test
    void anAccountOfAProviderWithoutAdapterIsRefusedByName() {
        assertThatThrownBy(() -> routing.listAll(new CalendarRef("odd", "x"), AT))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("exchange2003").hasMessageContaining("caldav, google");
        assertThatThrownBy(() -> routing.listAll(new CalendarRef("nobody", "x"), AT))
                .isInstanceOf(ProviderException.class);
    }
}
