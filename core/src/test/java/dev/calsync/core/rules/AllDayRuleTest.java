package dev.calsync.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AllDayRuleTest {
    @Test
    void opaqueLetsBusyAllDayEventsThroughAndNeverOverridesFree() {
        assertThat(AllDayRule.OPAQUE.whyNot(Events.allDay(false))).isEmpty();
        assertThat(AllDayRule.OPAQUE.overridesFree(Events.allDay(true))).isFalse();
    }

    @Test
    void alwaysMakesEvenAFreeAllDayEventBlockButNoFreeTimedOne() {
        assertThat(AllDayRule.ALWAYS.overridesFree(Events.allDay(true))).isTrue();
        assertThat(AllDayRule.ALWAYS.overridesFree(Events.timed("x"))).isFalse();
    }

    @Test
    void neverKeepsEveryAllDayEventOutAndTimedOnesIn() {
        assertThat(AllDayRule.NEVER.whyNot(Events.allDay(false))).contains("all-day");
        assertThat(AllDayRule.NEVER.whyNot(Events.timed("x"))).isEmpty();
    }

    @Test
    void parsesItsConfigNamesAndNamesThemInTheError() {
        assertThat(AllDayRule.parse(" Never ")).isEqualTo(AllDayRule.NEVER);
        assertThatThrownBy(() -> AllDayRule.parse("sometimes")).hasMessageContaining("opaque, always or never");
    }
}
