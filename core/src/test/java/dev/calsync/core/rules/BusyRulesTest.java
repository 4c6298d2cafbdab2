package dev.calsync.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.event.EventKind;
import dev.calsync.core.event.EventStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusyRulesTest {
    @Test
    void theDefaultsLetEverythingThrough() {
        assertThat(BusyRules.DEFAULT.whyNot(Events.with(EventStatus.TENTATIVE, EventKind.OUT_OF_OFFICE, null))).isEmpty();
        assertThat(BusyRules.DEFAULT.whyNot(Events.allDay(false))).isEmpty();
        assertThat(BusyRules.DEFAULT.overridesFree(Events.allDay(true))).isFalse();
        assertThat(BusyRules.DEFAULT.hours()).isNull();
    }

    @Test
    void eachRuleSaysWhyItKeepsAnEventOut() {
        BusyRules rules = new BusyRules(new TentativeRule(false), AllDayRule.NEVER, new OutOfOfficeRule(false), null,
                new SkipTitles(List.of("private")));
        assertThat(rules.whyNot(Events.with(EventStatus.TENTATIVE, EventKind.DEFAULT, null))).contains("tentative");
        assertThat(rules.whyNot(Events.with(EventStatus.CONFIRMED, EventKind.OUT_OF_OFFICE, null))).contains("out of office");
        assertThat(rules.whyNot(Events.allDay(false))).contains("all-day");
        assertThat(rules.whyNot(Events.timed("Private call"))).contains("title contains private");
        assertThat(rules.whyNot(Events.timed("Standup"))).isEmpty();
    }
}
