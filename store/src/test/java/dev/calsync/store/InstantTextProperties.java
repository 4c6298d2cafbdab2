package dev.calsync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast reading of stored instants gives exactly what {@link Instant#parse} gives, for any text. */
class InstantTextProperties {
    private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Property
    void everyInstantWeWriteIsReadBackExactlyWithoutTheGeneralParser(@ForAll("instants") Instant instant) {
        String stored = instant.toString();
        assertThat(InstantText.parseCommonShape(stored)).isEqualTo(instant);
        assertThat(InstantText.parse(stored)).isEqualTo(instant);
    }

    @Property(tries = 3000)
    void anyOtherTextIsReadAsInstantParseReadsIt(@ForAll("alteredInstants") String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> InstantText.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(InstantText.parse(text)).isEqualTo(expected);
    }

    @Example
    void shapesLeftToTheGeneralParser() {
        for (String text : new String[] {"+10000-01-01T00:00:00Z", "2026-12-31T23:59:60Z", "2026-02-29T10:00:00Z",
                "2024-02-29T24:00:00Z", "2026-11-28T10:00:00+01:00"}) {
            assertThat(InstantText.parseCommonShape(text)).as(text).isNull();
        }
        assertThat(InstantText.parse("2024-02-29T10:00:00.5Z")).isEqualTo(Instant.parse("2024-02-29T10:00:00.500Z"));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(FIRST, LAST);
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    /** Valid stored instants with one character replaced, dropped or added: near misses of every kind. */
    @Provide
    Arbitrary<String> alteredInstants() {
        Arbitrary<Character> chars = Arbitraries.of('0', '1', '2', '3', '5', '9', '-', 'T', ':', '.', 'Z', ' ', 'x',
                '+');
        return Combinators.combine(instants(), Arbitraries.integers().between(0, 40), chars,
                Arbitraries.integers().between(0, 2)).as((instant, position, c, edit) -> {
                    StringBuilder text = new StringBuilder(instant.toString());
                    int at = Math.min(position, text.length() - 1);
                    switch (edit) {
                        case 0 -> text.setCharAt(at, c);
                        case 1 -> text.deleteCharAt(at);
                        default -> text.insert(at, c);
                    }
                    return text.toString();
                });
    }
}
