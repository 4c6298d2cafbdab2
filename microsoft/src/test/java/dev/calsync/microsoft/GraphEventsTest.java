package dev.calsync.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.core.event.EventKind;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import dev.calsync.core.reconcile.BusyFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Graph's busy words in core's terms. */
class GraphEventsTest {

    private static SourceEvent read(String fields) throws GraphEvents.MalformedEventException {
        return GraphEvents.read(GraphEventJson.json("{'id':'E1','subject':'Review',"
                + "'start':{'dateTime':'2026-03-02T09:00:00.0000000','timeZone':'UTC'},"
                + "'end':{'dateTime':'2026-03-02T10:00:00.0000000','timeZone':'UTC'},"
                + "'originalStartTimeZone':'W. Europe Standard Time','originalEndTimeZone':'W. Europe Standard Time'"
                + fields + "}"), Map.of(), null).orElseThrow();
    }

    @ParameterizedTest(name = "showAs {0}: busy {1}")
    @CsvSource({"busy,true", "tentative,true", "oof,true", "unknown,true", "free,false", "workingElsewhere,false",
            "somethingNew,true"})
    void showAsDecidesWhetherTheOwnerIsBusy(String showAs, boolean busy) throws Exception {
        assertThat(BusyFilter.isBusy(read(",'showAs':'" + showAs + "'"))).isEqualTo(busy);
    }

    @Test
    void showAsMapsToStatusTransparencyAndKind() throws Exception {
        assertThat(read(",'showAs':'tentative'").status()).isEqualTo(EventStatus.TENTATIVE);
        assertThat(read(",'showAs':'free'").transparent()).isTrue();
        assertThat(read(",'showAs':'oof'").kind()).isEqualTo(EventKind.OUT_OF_OFFICE);
        assertThat(read(",'showAs':'workingElsewhere'").kind()).isEqualTo(EventKind.WORKING_LOCATION);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(value = {"accepted,ACCEPTED", "tentativelyAccepted,TENTATIVE", "declined,DECLINED",
            "notResponded,NEEDS_ACTION", "organizer,", "none,", "newWord,"})
    void theOwnersResponseIsTheSelfResponse(String response, ResponseStatus expected) throws Exception {
        assertThat(read(",'responseStatus':{'response':'" + response + "'}").selfResponse()).isEqualTo(expected);
    }

    @Test
    void aCancelledMeetingIsCancelledAndADeclinedOneIsNotBusy() throws Exception {
        assertThat(read(",'isCancelled':true").cancelled()).isTrue();
        assertThat(BusyFilter.isBusy(read(",'responseStatus':{'response':'declined'}"))).isFalse();
    }

    @Test
    void timesAreInstantsWithTheZoneTheEventWasWrittenInAndAllDayIsADate() throws Exception {
        SourceEvent timed = read(",'iCalUId':'040000008200E00074C5B7101A82E008'");
        SourceEvent allDay = read(",'isAllDay':true");

        assertThat(timed.start()).isEqualTo(EventTime.at(Instant.parse("2026-03-02T09:00:00Z"), "Europe/Berlin"));
        assertThat(timed.meetingId()).isEqualTo("040000008200E00074C5B7101A82E008");
        assertThat(allDay.start()).isEqualTo(EventTime.on(LocalDate.parse("2026-03-02")));
    }

    @Test
    void aLiveEventWithoutTimesIsMalformedAndOneWithoutIdIsSkipped() throws Exception {
        assertThatThrownBy(() -> GraphEvents.read(GraphEventJson.json("{'id':'E2','subject':'Secret plans'}"), Map.of(), null))
                .isInstanceOf(GraphEvents.MalformedEventException.class)
                .hasMessageNotContaining("Secret plans");
        assertThat(GraphEvents.read(GraphEventJson.json("{'subject':'x'}"), Map.of(), null)).isEmpty();
    }
}
