package dev.calsync.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.event.EventKind;
import dev.calsync.core.event.EventStatus;
import org.junit.jupiter.api.Test;

class OutOfOfficeRuleTest {
    @Test
    void byDefaultOutOfOfficeBlocks() {
        assertThat(OutOfOfficeRule.DEFAULT.whyNot(Events.with(EventStatus.CONFIRMED, EventKind.OUT_OF_OFFICE, null)))
                .isEmpty();
    }

    @Test
    void whenOffOnlyOutOfOfficeEntriesMakeNoBlock() {
        OutOfOfficeRule off = new OutOfOfficeRule(false);
        assertThat(off.whyNot(Events.with(EventStatus.CONFIRMED, EventKind.OUT_OF_OFFICE, null))).contains("out of office");
        assertThat(off.whyNot(Events.with(EventStatus.CONFIRMED, EventKind.FOCUS_TIME, null))).isEmpty();
        assertThat(off.whyNot(Events.with(EventStatus.CONFIRMED, EventKind.DEFAULT, null))).isEmpty();
    }
}
