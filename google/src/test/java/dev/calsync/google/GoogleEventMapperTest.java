package dev.calsync.google;

import dev.calsync.core.event.EventKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.calendar.model.Event;
import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Events are parsed from wire JSON, as the client does, so the mapping is tested against Google's format. */
class GoogleEventMapperTest {

    private static Event parse(String json) throws IOException {
        return GoogleClients.JSON.fromString(json.replace('\'', '"'), Event.class);
    }

    private static SourceEvent map(String json) throws Exception {
        Optional<SourceEvent> event = GoogleEventMapper.toSourceEvent(parse(json));
        assertThat(event).isPresent();
        return event.get();
    }

    @Test
    void timedEventKeepsTheInstantOfTheOffsetAndTheTimeZone() throws Exception {
        SourceEvent event = map("{'id':'ev1','status':'confirmed','summary':'Standup',"
                + "'start':{'dateTime':'2026-03-02T09:00:00+01:00','timeZone':'Europe/Berlin'},"
                + "'end':{'dateTime':'2026-03-02T09:30:00+01:00','timeZone':'Europe/Berlin'},"
                + "'updated':'2026-03-01T10:11:12.345Z'}");

        assertThat(event.id()).isEqualTo("ev1");
        assertThat(event.status()).isEqualTo(EventStatus.CONFIRMED);
        assertThat(event.start()).isEqualTo(EventTime.at(Instant.parse("2026-03-02T08:00:00Z"), "Europe/Berlin"));
        assertThat(event.end()).isEqualTo(EventTime.at(Instant.parse("2026-03-02T08:30:00Z"), "Europe/Berlin"));
        assertThat(event.summary()).isEqualTo("Standup");
        assertThat(event.updated()).isEqualTo(Instant.parse("2026-03-01T10:11:12.345Z"));
        assertThat(event.transparent()).isFalse();
        assertThat(event.kind()).isEqualTo(EventKind.DEFAULT);
        assertThat(event.selfResponse()).isNull();
        assertThat(event.recurrence()).isEmpty();
        assertThat(event.privateProperties()).isEmpty();
    }

    @Test
    void timedEventWithoutTimeZoneHasANullZone() throws Exception {
        SourceEvent event = map("{'id':'ev1','start':{'dateTime':'2026-03-02T09:00:00Z'},"
                + "'end':{'dateTime':'2026-03-02T10:00:00Z'}}");

        assertThat(event.start()).isEqualTo(new EventTime.Timed(Instant.parse("2026-03-02T09:00:00Z"), null));
        assertThat(event.status()).isEqualTo(EventStatus.CONFIRMED);
    }

    @Test
    void allDayEventUsesPlainDatesWithExclusiveEnd() throws Exception {
        SourceEvent event = map("{'id':'ad1','start':{'date':'2026-12-24'},'end':{'date':'2026-12-27'}}");

        assertThat(event.start()).isEqualTo(EventTime.on(LocalDate.of(2026, 12, 24)));
        assertThat(event.end()).isEqualTo(EventTime.on(LocalDate.of(2026, 12, 27)));
    }

    @Test
    void cancelledEventWithOnlyIdAndStatusMapsWithoutTimes() throws Exception {
        SourceEvent event = map("{'id':'gone1','status':'cancelled'}");

        assertThat(event.cancelled()).isTrue();
        assertThat(event.start()).isNull();
        assertThat(event.end()).isNull();
    }

    @Test
    void cancelledInstanceKeepsItsSeriesAndOriginalStart() throws Exception {
        SourceEvent event = map("{'id':'series1_20260302T080000Z','status':'cancelled',"
                + "'recurringEventId':'series1',"
                + "'originalStartTime':{'dateTime':'2026-03-02T09:00:00+01:00','timeZone':'Europe/Berlin'}}");

        assertThat(event.cancelled()).isTrue();
        assertThat(event.isException()).isTrue();
        assertThat(event.recurringEventId()).isEqualTo("series1");
        assertThat(event.originalStartTime())
                .isEqualTo(EventTime.at(Instant.parse("2026-03-02T08:00:00Z"), "Europe/Berlin"));
    }

    @Test
    void seriesKeepsItsRecurrenceLinesInOrder() throws Exception {
        SourceEvent event = map("{'id':'series1','start':{'dateTime':'2026-03-02T09:00:00+01:00',"
                + "'timeZone':'Europe/Berlin'},'end':{'dateTime':'2026-03-02T09:30:00+01:00',"
                + "'timeZone':'Europe/Berlin'},'recurrence':['RRULE:FREQ=WEEKLY;BYDAY=MO',"
                + "'EXDATE;TZID=Europe/Berlin:20260309T090000']}");

        assertThat(event.isSeries()).isTrue();
        assertThat(event.recurrence())
                .containsExactly("RRULE:FREQ=WEEKLY;BYDAY=MO", "EXDATE;TZID=Europe/Berlin:20260309T090000");
    }

    @Test
    void transparentEventIsMarkedFree() throws Exception {
        SourceEvent event = map("{'id':'free1','transparency':'transparent',"
                + "'start':{'date':'2026-03-02'},'end':{'date':'2026-03-03'}}");

        assertThat(event.transparent()).isTrue();
    }

    @Test
    void knownAndUnknownEventTypesAreKeptAsText() throws Exception {
        assertThat(map("{'id':'w1','eventType':'workingLocation','start':{'date':'2026-03-02'},"
                + "'end':{'date':'2026-03-03'}}").kind()).isEqualTo(EventKind.WORKING_LOCATION);
        assertThat(map("{'id':'w2','eventType':'somethingGoogleInventsNext','start':{'date':'2026-03-02'},"
                + "'end':{'date':'2026-03-03'}}").kind()).isEqualTo(EventKind.DEFAULT);
    }

    @Test
    void selfAttendeeResponseIsTakenFromTheAttendeeMarkedSelf() throws Exception {
        SourceEvent event = map("{'id':'inv1','start':{'date':'2026-03-02'},'end':{'date':'2026-03-03'},"
                + "'attendees':[{'email':'boss@example.com','responseStatus':'accepted','organizer':true},"
                + "{'email':'me@example.com','self':true,'responseStatus':'declined'}]}");

        assertThat(event.selfResponse()).isEqualTo(ResponseStatus.DECLINED);
    }

    @Test
    void everyKnownResponseStatusMaps() {
        assertThat(GoogleEventMapper.responseOf("needsAction")).isEqualTo(ResponseStatus.NEEDS_ACTION);
        assertThat(GoogleEventMapper.responseOf("declined")).isEqualTo(ResponseStatus.DECLINED);
        assertThat(GoogleEventMapper.responseOf("tentative")).isEqualTo(ResponseStatus.TENTATIVE);
        assertThat(GoogleEventMapper.responseOf("accepted")).isEqualTo(ResponseStatus.ACCEPTED);
    }

    @Test
    void unknownSelfResponseBecomesNullInsteadOfFailing() throws Exception {
        SourceEvent event = map("{'id':'inv2','start':{'date':'2026-03-02'},'end':{'date':'2026-03-03'},"
                + "'attendees':[{'email':'me@example.com','self':true,'responseStatus':'maybeLater'}]}");

        assertThat(event.selfResponse()).isNull();
    }

    @Test
    void attendeesWithoutSelfGiveNoResponse() throws Exception {
        SourceEvent event = map("{'id':'inv3','start':{'date':'2026-03-02'},'end':{'date':'2026-03-03'},"
                + "'attendees':[{'email':'other@example.com','responseStatus':'declined'}]}");

        assertThat(event.selfResponse()).isNull();
    }

    @Test
    void modifiedInstanceCarriesSeriesIdAndOriginalStart() throws Exception {
        SourceEvent event = map("{'id':'s1_20260302','recurringEventId':'s1',"
                + "'originalStartTime':{'date':'2026-03-02'},"
                + "'start':{'date':'2026-03-04'},'end':{'date':'2026-03-05'}}");

        assertThat(event.isException()).isTrue();
        assertThat(event.originalStartTime()).isEqualTo(EventTime.on(LocalDate.of(2026, 3, 2)));
        assertThat(event.start()).isEqualTo(EventTime.on(LocalDate.of(2026, 3, 4)));
    }

    @Test
    void privateExtendedPropertiesAreCopiedAndNullValuesDropped() throws Exception {
        SourceEvent event = map("{'id':'cs1','start':{'date':'2026-03-02'},'end':{'date':'2026-03-03'},"
                + "'extendedProperties':{'private':{'calsync':'1','csg':'g1','broken':null},"
                + "'shared':{'other':'x'}}}");

        assertThat(event.privateProperties()).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("calsync", "1", "csg", "g1"));
    }

    @Test
    void nullRecurrenceLinesAreDropped() throws Exception {
        SourceEvent event = map("{'id':'s2','start':{'date':'2026-03-02'},'end':{'date':'2026-03-03'},"
                + "'recurrence':['RRULE:FREQ=DAILY',null]}");

        assertThat(event.recurrence()).containsExactly("RRULE:FREQ=DAILY");
    }

    @Test
    void tentativeStatusIsKeptAndUnknownStatusCountsAsConfirmed() throws Exception {
        assertThat(map("{'id':'t1','status':'tentative','start':{'date':'2026-03-02'},"
                + "'end':{'date':'2026-03-03'}}").status()).isEqualTo(EventStatus.TENTATIVE);
        assertThat(map("{'id':'t2','status':'postponed','start':{'date':'2026-03-02'},"
                + "'end':{'date':'2026-03-03'}}").status()).isEqualTo(EventStatus.CONFIRMED);
    }

    @Test
    void eventWithoutIdIsSkipped() throws Exception {
        assertThat(GoogleEventMapper.toSourceEvent(parse("{'status':'confirmed','start':{'date':'2026-03-02'},"
                + "'end':{'date':'2026-03-03'}}"))).isEmpty();
        assertThat(GoogleEventMapper.toSourceEvent(parse("{'id':'','status':'cancelled'}"))).isEmpty();
    }

    @Test
    void liveEventWithoutStartIsMalformed() throws Exception {
        Event event = parse("{'id':'x1','status':'confirmed','end':{'date':'2026-03-03'}}");

        assertThatThrownBy(() -> GoogleEventMapper.toSourceEvent(event))
                .isInstanceOf(GoogleEventMapper.MalformedEventException.class)
                .hasMessageContaining("x1").hasMessageContaining("start");
    }

    @Test
    void liveEventWithAnEmptyEndIsMalformed() throws Exception {
        Event event = parse("{'id':'x2','start':{'date':'2026-03-02'},'end':{}}");

        assertThatThrownBy(() -> GoogleEventMapper.toSourceEvent(event))
                .isInstanceOf(GoogleEventMapper.MalformedEventException.class)
                .hasMessageContaining("end");
    }

    @Test
    void allDayDateWithATimeOfDayIsMalformedForALiveEvent() throws Exception {
        Event event = parse("{'id':'x3','start':{'date':'2026-03-02T10:00:00Z'},'end':{'date':'2026-03-03'}}");

        assertThatThrownBy(() -> GoogleEventMapper.toSourceEvent(event))
                .isInstanceOf(GoogleEventMapper.MalformedEventException.class);
    }

    @Test
    void malformedMessageNeverContainsTheSummary() throws Exception {
        Event event = parse("{'id':'x4','summary':'Secret merger talk','start':{'date':'2026-03-02'}}");

        assertThatThrownBy(() -> GoogleEventMapper.toSourceEvent(event))
                .isInstanceOf(GoogleEventMapper.MalformedEventException.class)
                .message().doesNotContain("Secret");
    }
}
