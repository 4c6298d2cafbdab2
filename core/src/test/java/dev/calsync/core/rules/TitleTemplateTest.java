package dev.calsync.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TitleTemplateTest {
    @Test
    void aPlainTitleRevealsNothing() {
        TitleTemplate busy = new TitleTemplate("Busy");
        assertThat(busy.render("Work", "Salary talk")).isEqualTo("Busy");
        assertThat(busy.revealsTitles()).isFalse();
    }

    @Test
    void calendarNamesTheSourceCalendar() {
        assertThat(new TitleTemplate("Busy ({calendar})").render("Home", "Dentist")).isEqualTo("Busy (Home)");
    }

    @Test
    void titleIsOptInAndCopiesTheSourceTitle() {
        TitleTemplate template = new TitleTemplate("{calendar}: {title}");
        assertThat(template.revealsTitles()).isTrue();
        assertThat(template.render("Home", "Dentist")).isEqualTo("Home: Dentist");
    }

    @Test
    void placeholdersInsideValuesAreNotExpandedAgain() {
        assertThat(new TitleTemplate("{calendar} {title}").render("{title}", "$1 {calendar}"))
                .isEqualTo("{title} $1 {calendar}");
    }

    @Test
    void anEmptyResultFallsBackToBusyAndABlankTemplateIsBusy() {
        assertThat(new TitleTemplate("{title}").render("Home", null)).isEqualTo("Busy");
        assertThat(new TitleTemplate(" ").render("Home", "x")).isEqualTo("Busy");
        assertThatThrownBy(() -> new TitleTemplate("x".repeat(201))).hasMessageContaining("200");
    }
}
