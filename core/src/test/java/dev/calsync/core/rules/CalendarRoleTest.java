package dev.calsync.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CalendarRoleTest {
    @Test
    void bothIsSourceAndTargetSourceOnlyOneTargetOnlyTheOther() {
        assertThat(CalendarRole.BOTH.isSource() && CalendarRole.BOTH.isTarget()).isTrue();
        assertThat(CalendarRole.SOURCE.isSource()).isTrue();
        assertThat(CalendarRole.SOURCE.isTarget()).isFalse();
        assertThat(CalendarRole.TARGET.isSource()).isFalse();
        assertThat(CalendarRole.TARGET.isTarget()).isTrue();
    }

    @Test
    void parsesConfigNamesAndRefusesOthers() {
        assertThat(CalendarRole.parse("Source")).isEqualTo(CalendarRole.SOURCE);
        assertThatThrownBy(() -> CalendarRole.parse("sink")).hasMessageContaining("both, source or target");
    }
}
