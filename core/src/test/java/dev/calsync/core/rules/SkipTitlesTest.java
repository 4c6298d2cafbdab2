package dev.calsync.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkipTitlesTest {
    @Test
    void aTitleContainingAMarkerInAnyCaseMakesNoBlock() {
        SkipTitles skip = new SkipTitles(List.of("[nosync]", "Dentist"));
        assertThat(skip.whyNot(Events.timed("Lunch [NoSync]"))).contains("title contains [nosync]");
        assertThat(skip.whyNot(Events.timed("dentist appointment"))).isPresent();
        assertThat(skip.whyNot(Events.timed("Standup"))).isEmpty();
        assertThat(skip.whyNot(Events.timed(null))).isEmpty();
    }

    @Test
    void blankEntriesAreDroppedAndTooManyOrTooLongAreRefused() {
        assertThat(new SkipTitles(List.of(" ", "x", "x")).markers()).containsExactly("x");
        assertThat(SkipTitles.NONE.whyNot(Events.timed("anything"))).isEmpty();
        assertThatThrownBy(() -> new SkipTitles(Collections.nCopies(21, "a").stream()
                .map(a -> a + Math.random()).toList())).hasMessageContaining("at most 20");
        assertThatThrownBy(() -> new SkipTitles(List.of("a".repeat(101)))).hasMessageContaining("100 characters");
    }
}
