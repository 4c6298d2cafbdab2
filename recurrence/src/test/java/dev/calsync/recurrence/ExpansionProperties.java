package dev.calsync.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.recurrence.Occurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random finite series (FREQ DAILY/WEEKLY/MONTHLY, INTERVAL 1–3, COUNT or UNTIL, BYDAY subsets) with EXDATEs taken
 * from the series' own occurrences, expanded over random windows.
 */
class ExpansionProperties {

    private static final DateTimeFormatter UTC_FORM = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_FORM = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final Instant EVERYTHING_FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant EVERYTHING_TO = Instant.parse("2035-01-01T00:00:00Z");

    private final LibRecurRecurrences recurrences = new LibRecurRecurrences();

    record Rule(String zone, LocalDateTime localStart, Duration duration, String rrule) {
        SourceEvent series(List<String> extraLines) {
            List<String> lines = new ArrayList<>();
            lines.add("RRULE:" + rrule);
            lines.addAll(extraLines);
            return Series.timed(zone, localStart.toString(), duration, lines.toArray(String[]::new));
        }

        Instant start() {
            return localStart.atZone(ZoneId.of(zone)).toInstant();
        }
    }

    @Property(tries = 400)
    void windowedExpansionIsOrderedInsideTheWindowWithoutExdatesAndSplitsAtAnyPoint(
            @ForAll("rules") Rule rule,
            @ForAll("exdatePicks") List<Integer> exdatePicks,
            @ForAll boolean exdatesInUtcForm,
            @ForAll @IntRange(min = -30, max = 800) int aDays,
            @ForAll @IntRange(min = 0, max = 400 * 24) int abHours,
            @ForAll @IntRange(min = 0, max = 400 * 24) int bcHours) {
        List<Occurrence> own = recurrences.between(rule.series(List.of()), EVERYTHING_FROM, EVERYTHING_TO);
        assertThat(own).isNotEmpty();
        Set<Instant> exdated = exdatePicks.stream()
                .map(i -> own.get(i % own.size()).start().instant())
                .collect(Collectors.toSet());
        SourceEvent series = rule.series(exdateLines(rule.zone(), exdated, exdatesInUtcForm));

        Instant a = rule.start().plus(Duration.ofDays(aDays));
        Instant b = a.plus(Duration.ofHours(abHours));
        Instant c = b.plus(Duration.ofHours(bcHours));
        List<Occurrence> ac = recurrences.between(series, a, c);

        assertThat(ac).allSatisfy(o -> {
            assertThat(o.end().instant()).isAfter(a);
            assertThat(o.start().instant()).isBefore(c);
            assertThat(exdated).doesNotContain(o.start().instant());
        });
        for (int i = 1; i < ac.size(); i++) {
            assertThat(ac.get(i).start().instant()).isAfter(ac.get(i - 1).start().instant());
        }
        // The fast-forwarded window holds exactly what the full expansion places there, minus the EXDATEs:
        // COUNT is counted from the first start whatever the window.
        assertThat(ac).containsExactlyElementsOf(own.stream()
                .filter(o -> o.end().instant().isAfter(a) && o.start().instant().isBefore(c))
                .filter(o -> !exdated.contains(o.start().instant()))
                .toList());
        // [a,c) = [a,b) ∪ [b,c); an occurrence running across b is in both halves, so dedupe by originalStart.
        Map<String, Occurrence> union = new LinkedHashMap<>();
        recurrences.between(series, a, b).forEach(o -> union.put(o.originalStart().canonical(), o));
        recurrences.between(series, b, c).forEach(o -> union.putIfAbsent(o.originalStart().canonical(), o));
        assertThat(List.copyOf(union.values())).containsExactlyElementsOf(ac);
    }

    private static List<String> exdateLines(String zone, Set<Instant> exdated, boolean utcForm) {
        if (exdated.isEmpty()) {
            return List.of();
        }
        if (utcForm) {
            return List.of("EXDATE:" + exdated.stream().sorted().map(UTC_FORM::format).collect(Collectors.joining(",")));
        }
        // TZID form: one line per date, as Google writes them; a local time that occurs twice (autumn DST) is
        // ambiguous in TZID form, so those are written in UTC form.
        ZoneId zoneId = ZoneId.of(zone);
        return exdated.stream().sorted().map(instant -> {
            LocalDateTime local = LocalDateTime.ofInstant(instant, zoneId);
            return zoneId.getRules().getValidOffsets(local).size() == 1
                    ? "EXDATE;TZID=" + zone + ":" + LOCAL_FORM.format(local)
                    : "EXDATE:" + UTC_FORM.format(instant);
        }).toList();
    }

    @Provide
    Arbitrary<List<Integer>> exdatePicks() {
        return Arbitraries.integers().between(0, 10_000).list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<Rule> rules() {
        Arbitrary<String> zone = Arbitraries.of("Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata", "Australia/Sydney");
        Arbitrary<LocalDateTime> start = Combinators.combine(
                        Arbitraries.integers().between(0, 3 * 365),
                        Arbitraries.integers().between(0, 23),
                        Arbitraries.of(0, 30))
                .as((day, hour, minute) -> LocalDateTime.of(2025, 1, 1, hour, minute).plusDays(day));
        // Not zero: a zero-length occurrence exactly at the split point b ends at, not after, b and so is in neither half.
        Arbitrary<Duration> duration = Arbitraries.integers().between(1, 3 * 24 * 4).map(q -> Duration.ofMinutes(15L * q));
        Arbitrary<String> freq = Arbitraries.of("DAILY", "WEEKLY", "MONTHLY");
        Arbitrary<Integer> interval = Arbitraries.integers().between(1, 3);
        Arbitrary<String> bound = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 40).map(n -> "COUNT=" + n),
                Arbitraries.integers().between(0, 500).map(d -> "UNTIL=" + d));
        Arbitrary<String> byDay = Arbitraries.of("MO", "TU", "WE", "TH", "FR", "SA", "SU").set().ofMaxSize(7)
                .map(days -> days.isEmpty() ? "" : ";BYDAY=" + String.join(",", days));
        return Combinators.combine(zone, start, duration, freq, interval, bound, byDay)
                .as((z, s, d, f, i, b, bd) -> {
                    String boundPart = b.startsWith("UNTIL=")
                            ? "UNTIL=" + UTC_FORM.format(s.atZone(ZoneId.of(z)).toInstant().plus(Duration.ofDays(Integer.parseInt(b.substring(6)))))
                            : b;
                    return new Rule(z, s, d, "FREQ=" + f + ";INTERVAL=" + i + ";" + boundPart + bd);
                });
    }
}
