package dev.calsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The text forms of lists, maps and free text give back exactly what they were given, whatever the characters. */
class TextColumnsProperties {

    @Property
    void linesRoundTrip(@ForAll("lineLists") List<String> lines) {
        assertThat(TextColumns.unlines(TextColumns.lines(lines))).isEqualTo(lines);
    }

    @Property
    void propertiesRoundTrip(@ForAll("propertyMaps") Map<String, String> properties) {
        assertThat(TextColumns.unproperties(TextColumns.properties(properties))).isEqualTo(properties);
    }

    @Property
    void freeTextRoundTripsAndNeverHoldsNul(@ForAll("tricky") String text) {
        String stored = TextColumns.text(text);

        assertThat(stored).doesNotContain("\u0000");
        assertThat(TextColumns.untext(stored)).isEqualTo(text);
    }

    @Example
    void emptyListAndListOfOneEmptyLineStayDistinct() {
        assertThat(TextColumns.lines(List.of())).isNull();
        assertThat(TextColumns.unlines(TextColumns.lines(List.of("")))).containsExactly("");
        assertThat(TextColumns.unlines(TextColumns.lines(List.of("", "")))).containsExactly("", "");
    }

    @Example
    void recurrenceLinesStayReadable() {
        assertThat(TextColumns.lines(List.of("RRULE:FREQ=WEEKLY;BYDAY=MO", "EXDATE:20250317T090000Z")))
                .isEqualTo("RRULE:FREQ=WEEKLY;BYDAY=MO\nEXDATE:20250317T090000Z");
    }

    @Example
    void propertiesAreStoredSortedByKeyWithEqualsSignsInKeysEscaped() {
        assertThat(TextColumns.properties(Map.of("csg", "alice", "a=b", "c=d")))
                .isEqualTo("a\\=b=c=d\ncsg=alice");
    }

    @Provide
    Arbitrary<String> tricky() {
        // all of the BMP except lone surrogates, with the escape characters made frequent
        Arbitrary<Character> any = Arbitraries.chars().filter(c -> !Character.isSurrogate(c));
        Arbitrary<Character> special = Arbitraries.of('\\', '\n', '\r', '\u0000', '=', 'n', '0');
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, any), net.jqwik.api.Tuple.of(1, special))
                .list().ofMaxSize(20)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
    }

    @Provide
    Arbitrary<List<String>> lineLists() {
        return tricky().list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<Map<String, String>> propertyMaps() {
        return Arbitraries.maps(tricky(), tricky()).ofMaxSize(6);
    }
}
