package dev.calsync.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.event.EventKind;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.ResponseStatus;
import org.junit.jupiter.api.Test;

class TentativeRuleTest {
    private static final TentativeRule SKIP = new TentativeRule(false);

    @Test
    void byDefaultTentativeAndUnansweredInvitationsBlock() {
        assertThat(TentativeRule.DEFAULT.whyNot(Events.with(EventStatus.TENTATIVE, EventKind.DEFAULT, null))).isEmpty();
        assertThat(TentativeRule.DEFAULT.whyNot(Events.with(EventStatus.CONFIRMED, EventKind.DEFAULT,
                ResponseStatus.NEEDS_ACTION))).isEmpty();
    }

    @Test
    void whenOffTentativeEventsTentativeAnswersAndUnansweredInvitationsMakeNoBlock() {
        assertThat(SKIP.whyNot(Events.with(EventStatus.TENTATIVE, EventKind.DEFAULT, null))).contains("tentative");
        assertThat(SKIP.whyNot(Events.with(EventStatus.CONFIRMED, EventKind.DEFAULT, ResponseStatus.TENTATIVE)))
                .contains("tentative");
        assertThat(SKIP.whyNot(Events.with(EventStatus.CONFIRMED, EventKind.DEFAULT, ResponseStatus.NEEDS_ACTION)))
                .contains("tentative");
    }

    @Test
    void whenOffAcceptedAndOwnEventsStillBlock() {
        assertThat(SKIP.whyNot(Events.with(EventStatus.CONFIRMED, EventKind.DEFAULT, ResponseStatus.ACCEPTED))).isEmpty();
        assertThat(SKIP.whyNot(Events.with(EventStatus.CONFIRMED, EventKind.DEFAULT, null))).isEmpty();
    }
}
