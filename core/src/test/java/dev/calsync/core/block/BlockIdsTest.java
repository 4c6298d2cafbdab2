package dev.calsync.core.block;

import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.event.EventKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.event.EventTime;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BlockIdsTest {
    private final CalendarRef work = new CalendarRef("work", "alice@work.example");
    private final CalendarRef home = new CalendarRef("home", "alice@home.example");

    @Test
    void blockIdIsCsFollowedByFortyBase32HexCharacters() {
        assertThat(BlockIds.of("alice", work, "evt1", home)).matches("cs[0-9a-v]{40}");
    }

    @Test
    void sameSourceAndTargetAlwaysGiveTheSameId() {
        assertThat(BlockIds.of("alice", work, "evt1", home)).isEqualTo(BlockIds.of("alice", work, "evt1", home));
    }

    @Test
    void groupSourceEventAndTargetEachChangeTheId() {
        String id = BlockIds.of("alice", work, "evt1", home);
        assertThat(BlockIds.of("bob", work, "evt1", home)).isNotEqualTo(id);
        assertThat(BlockIds.of("alice", home, "evt1", work)).isNotEqualTo(id);
        assertThat(BlockIds.of("alice", work, "evt2", home)).isNotEqualTo(id);
    }

    @Test
    void idMatchesSha256OfThePipeJoinedKeyInBase32Hex() {
        // sha256("g|a/c|e|b/d"), base32hex lower case, first 40 characters
        String expected = "cs" + Base32Hex.encode(Sha256.of("g|a/c|e|b/d")).substring(0, 40);
        assertThat(BlockIds.of("g", new CalendarRef("a", "c"), "e", new CalendarRef("b", "d"))).isEqualTo(expected);
    }

    @Test
    void base32HexEncodesRfc4648TestVectorsInLowerCase() {
        assertThat(Base32Hex.encode("f".getBytes())).isEqualTo("co");
        assertThat(Base32Hex.encode("foobar".getBytes())).isEqualTo("cpnmuoj1e8");
    }

    @Test
    void occurrenceKeysUseUtcTimeOrTheDateForAllDayOccurrences() {
        assertThat(new OccurrenceRef("csabc", EventTime.at(Instant.parse("2026-03-30T07:00:00Z"), "Europe/Berlin")).key())
                .isEqualTo("csabc_20260330T070000Z");
        assertThat(new OccurrenceRef("csabc", EventTime.on(LocalDate.of(2026, 12, 24))).key())
                .isEqualTo("csabc_20261224");
    }
}
