package dev.calsync.core.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.calendar.CalendarRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedPairsTest {
    static final CalendarRef WORK = new CalendarRef("work", "me@work.example");
    static final CalendarRef HOME = new CalendarRef("home", "me@home.example");
    static final CalendarRef CLIENT = new CalendarRef("client", "me@client.example");

    static SyncGroup group(String id, String owner, CalendarRef... calendars) {
        return new SyncGroup(id, owner, null, null, null, null, List.of(calendars));
    }

    @Test
    void twoGroupsOfOnePersonHoldingTheSamePairAreNamedWithTheirCalendars() {
        List<String> problems = RepeatedPairs.among(List.of(group("a", "me", WORK, HOME),
                group("b", "me", HOME, WORK, CLIENT)));

        assertThat(problems).singleElement().asString()
                .contains("'a'", "'b'", "work/me@work.example", "home/me@home.example");
    }

    @Test
    void sharingOneCalendarWithDifferentPartnersIsAllowed() {
        assertThat(RepeatedPairs.among(List.of(group("a", "me", WORK, HOME), group("b", "me", WORK, CLIENT))))
                .isEmpty();
    }

    @Test
    void aCandidateIsJudgedAgainstTheOthersAndNotAgainstItsOwnEarlierVersion() {
        SyncGroup candidate = group("a", "me", WORK, HOME, CLIENT);

        assertThat(RepeatedPairs.with(candidate, List.of(group("a", "me", WORK, HOME)))).isEmpty();
        assertThat(RepeatedPairs.with(candidate, List.of(group("b", "me", CLIENT, HOME)))).hasSize(1);
    }
}
