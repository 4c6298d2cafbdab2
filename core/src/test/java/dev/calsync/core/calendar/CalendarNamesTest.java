package dev.calsync.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendarNamesTest {

    private static final Map<String, List<CalendarInfo>> LISTS = Map.of(
            "work", List.of(new CalendarInfo("pat@work.example", "Work", true, "owner", "Europe/Berlin"),
                    new CalendarInfo("team@work.example", "Team", false, "writer", "Europe/Berlin")),
            "home", List.of(new CalendarInfo("pat@home.example", "Home", true, "owner", "UTC")));

    @Test
    void primaryMeansTheCalendarTheListMarksPrimary() {
        CalendarNames.Resolution resolution = CalendarNames.resolve(
                List.of(new CalendarRef("work", "primary"), new CalendarRef("home", "pat@home.example")), LISTS::get);
        assertThat(resolution.ok()).isTrue();
        assertThat(resolution.calendars()).containsExactly(new CalendarRef("work", "pat@work.example"),
                new CalendarRef("home", "pat@home.example"));
    }

    @Test
    void aCalendarNamedTwiceUnderTwoNamesIsRefusedNamingBoth() {
        CalendarNames.Resolution resolution = CalendarNames.resolve(List.of(new CalendarRef("work", "primary"),
                new CalendarRef("home", "pat@home.example"), new CalendarRef("work", "pat@work.example")), LISTS::get);
        assertThat(resolution.problems()).containsExactly(
                "work/primary and work/pat@work.example are the same calendar (work/pat@work.example)");
        assertThat(resolution.calendars()).hasSize(2);
    }

    @Test
    void aCalendarTheAccountDoesNotListIsRefused() {
        CalendarNames.Resolution resolution = CalendarNames.resolve(List.of(new CalendarRef("work", "boss@work.example"),
                new CalendarRef("home", "pat@home.example"), new CalendarRef("home", "pat@home.example")), LISTS::get);
        assertThat(resolution.problems()).containsExactly("work/boss@work.example: not in the calendar list of "
                + "account work", "home/pat@home.example is named twice");
    }

    @Test
    void anUnreadableListIsSaidSoAndNothingOfItIsAccepted() {
        CalendarNames.Resolution resolution = CalendarNames.resolve(List.of(new CalendarRef("gone", "primary")),
                account -> null);
        assertThat(resolution.calendars()).isEmpty();
        assertThat(resolution.problems()).singleElement().asString().contains("could not be read");
    }

    @Test
    void anAliasResolvesOnlyOnItsOwnAccount() {
        assertThat(CalendarNames.resolve("primary", LISTS.get("home"))).map(CalendarInfo::id)
                .contains("pat@home.example");
        assertThat(CalendarNames.resolve("team@work.example", LISTS.get("home"))).isEmpty();
    }
}
