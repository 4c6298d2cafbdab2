package dev.calsync.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecurrenceLineTest {

    @Test
    void splitsNameParametersAndValue() {
        RecurrenceLine line = RecurrenceLine.parse("RDATE;TZID=Europe/Berlin:20260105T090000,20260106T090000");

        assertThat(line.name()).isEqualTo("RDATE");
        assertThat(line.parameters()).isEqualTo(Map.of("TZID", "Europe/Berlin"));
        assertThat(line.value()).isEqualTo("20260105T090000,20260106T090000");
    }

    @Test
    void ruleValueKeepsItsSemicolons() {
        RecurrenceLine line = RecurrenceLine.parse("RRULE:FREQ=WEEKLY;WKST=SU;BYDAY=MO,WE");

        assertThat(line.name()).isEqualTo("RRULE");
        assertThat(line.parameters()).isEmpty();
        assertThat(line.value()).isEqualTo("FREQ=WEEKLY;WKST=SU;BYDAY=MO,WE");
    }

    @Test
    void quotedParameterValueMayContainSeparators() {
        RecurrenceLine line = RecurrenceLine.parse("EXDATE;TZID=\"America/New_York\";VALUE=DATE-TIME:20260105T090000");

        assertThat(line.parameters()).isEqualTo(Map.of("TZID", "America/New_York", "VALUE", "DATE-TIME"));
        assertThat(line.value()).isEqualTo("20260105T090000");
    }

    @Test
    void namesAndParameterNamesAreUpperCased() {
        RecurrenceLine line = RecurrenceLine.parse("exdate;value=DATE:20261224");

        assertThat(line.name()).isEqualTo("EXDATE");
        assertThat(line.parameter("VALUE")).isEqualTo("DATE");
    }

    @Test
    void lineWithoutColonOrWithBareParameterIsRejected() {
        assertThatThrownBy(() -> RecurrenceLine.parse("RRULE FREQ=DAILY")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecurrenceLine.parse("EXDATE;TZID:20260105T090000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecurrenceLine.parse(":FREQ=DAILY")).isInstanceOf(IllegalArgumentException.class);
    }
}
