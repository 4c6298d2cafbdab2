package dev.calsync.caldav.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.core.event.EventStatus;
import dev.calsync.core.event.EventTime;
import dev.calsync.core.event.ResponseStatus;
import dev.calsync.core.event.SourceEvent;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceEventsTest {
    static final ReadContext CONTEXT = ReadContext.of(List.of(URI.create("mailto:Alice@Example.com")), "alice", "Europe/Berlin");

    static String calendar(String... lines) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + String.join("\r\n", lines) + "\r\nEND:VCALENDAR\r\n";
    }

    static String event(String... lines) {
        return "BEGIN:VEVENT\r\nUID:u1\r\nDTSTAMP:20260101T000000Z\r\n" + String.join("\r\n", lines) + "\r\nEND:VEVENT";
    }

    static final String CUSTOM_ZONE = String.join("\r\n", "BEGIN:VTIMEZONE", "TZID:My Office Time",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0530", "TZOFFSETTO:+0530", "DTSTART:19700101T000000", "END:STANDARD",
            "END:VTIMEZONE");

    static List<SourceEvent> parse(String ics) throws MalformedResourceException {
        return ResourceEvents.parse("meeting.ics", ics, CONTEXT);
    }

    @Test
    void aSeriesWithAMovedOccurrenceIsTheSeriesAndItsOccurrence() throws Exception {
        List<SourceEvent> events = parse(calendar(
                event("DTSTART;TZID=Europe/Berlin:20260105T090000", "DTEND;TZID=Europe/Berlin:20260105T100000",
                        "RRULE:FREQ=WEEKLY;COUNT=5", "EXDATE;TZID=Europe/Berlin:20260112T090000", "SUMMARY:Standup"),
                event("RECURRENCE-ID;TZID=Europe/Berlin:20260119T090000", "DTSTART;TZID=Europe/Berlin:20260119T110000",
                        "DTEND;TZID=Europe/Berlin:20260119T120000")));

        assertThat(events).hasSize(2);
        SourceEvent series = events.get(0);
        assertThat(series.id()).isEqualTo("meeting");
        assertThat(series.start()).isEqualTo(EventTime.at(Instant.parse("2026-01-05T08:00:00Z"), "Europe/Berlin"));
        assertThat(series.recurrence()).containsExactly("RRULE:FREQ=WEEKLY;COUNT=5", "EXDATE;TZID=Europe/Berlin:20260112T090000");
        SourceEvent moved = events.get(1);
        assertThat(moved.id()).isEqualTo("meeting_20260119T080000Z");
        assertThat(moved.recurringEventId()).isEqualTo("meeting");
        assertThat(moved.originalStartTime().instant()).isEqualTo(Instant.parse("2026-01-19T08:00:00Z"));
        assertThat(moved.start().instant()).isEqualTo(Instant.parse("2026-01-19T10:00:00Z"));
    }

    @Test
    void ical4jsMadeUpZoneIdsNeverLeak() throws Exception {
        List<SourceEvent> events = parse(calendar(CUSTOM_ZONE,
                event("DTSTART;TZID=My Office Time:20260105T090000", "DTEND;TZID=\"My Office Time\":20260105T100000",
                        "RRULE:FREQ=DAILY;COUNT=3", "EXDATE;TZID=My Office Time:20260106T090000")));

        SourceEvent event = events.get(0);
        assertThat(event.start()).isEqualTo(EventTime.at(Instant.parse("2026-01-05T03:30:00Z"), null));
        assertThat(event.recurrence()).containsExactly("RRULE:FREQ=DAILY;COUNT=3", "EXDATE:20260106T033000Z");
        assertThat(events.toString()).doesNotContain("ical4j");
    }

    @Test
    void windowsAndVendorZoneNamesBecomeIanaIds() {
        assertThat(ZoneNames.ianaOf("/mozilla.org/20050126_1/Europe/Berlin")).contains("Europe/Berlin");
        assertThat(ZoneNames.ianaOf("US/Pacific-New")).contains("America/Los_Angeles");
        assertThat(ZoneNames.ianaOf("ical4j-local-123")).isEmpty();
        assertThat(ZoneNames.ianaOf("My Office Time")).isEmpty();
    }

    @Test
    void floatingTimesAreReadInTheCalendarsZoneAndADurationGivesTheEnd() throws Exception {
        SourceEvent event = parse(calendar(event("DTSTART:20260705T090000", "DURATION:PT90M"))).get(0);

        assertThat(event.start()).isEqualTo(EventTime.at(Instant.parse("2026-07-05T07:00:00Z"), "Europe/Berlin"));
        assertThat(event.end().instant()).isEqualTo(Instant.parse("2026-07-05T08:30:00Z"));
    }

    @Test
    void aDateWithoutEndLastsOneDay() throws Exception {
        SourceEvent event = parse(calendar(event("DTSTART;VALUE=DATE:20260301"))).get(0);

        assertThat(event.start()).isEqualTo(EventTime.on(LocalDate.of(2026, 3, 1)));
        assertThat(event.end()).isEqualTo(EventTime.on(LocalDate.of(2026, 3, 2)));
    }

    @Test
    void busyFactsComeFromTranspStatusAndTheOwnAttendee() throws Exception {
        SourceEvent event = parse(calendar(event("DTSTART:20260105T090000Z", "DTEND:20260105T100000Z",
                "TRANSP:TRANSPARENT", "STATUS:TENTATIVE", "ORGANIZER:mailto:bob@example.com",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.com",
                "ATTENDEE;PARTSTAT=DECLINED:mailto:alice@example.com"))).get(0);

        assertThat(event.transparent()).isTrue();
        assertThat(event.status()).isEqualTo(EventStatus.TENTATIVE);
        assertThat(event.selfResponse()).isEqualTo(ResponseStatus.DECLINED);
        assertThat(event.start().instant()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
    }

    @Test
    void anInvitationWithoutPartstatNeedsAnAction() throws Exception {
        SourceEvent event = parse(calendar(event("DTSTART:20260105T090000Z", "ATTENDEE:mailto:ALICE@example.com"))).get(0);

        assertThat(event.selfResponse()).isEqualTo(ResponseStatus.NEEDS_ACTION);
        assertThat(event.end()).isEqualTo(event.start());
    }

    @Test
    void aResourceWithoutEventsHasNoEvents() throws Exception {
        assertThat(parse(calendar("BEGIN:VTODO", "UID:t1", "DTSTAMP:20260101T000000Z", "END:VTODO"))).isEmpty();
    }

    @Test
    void anOccurrenceWithoutItsSeriesIsAnEventOfItsOwn() throws Exception {
        SourceEvent event = parse(calendar(event("RECURRENCE-ID:20260119T080000Z", "DTSTART:20260119T100000Z",
                "DTEND:20260119T110000Z"))).get(0);

        assertThat(event.id()).isEqualTo("meeting_20260119T080000Z");
        assertThat(event.recurringEventId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "this is not iCalendar",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260105T090000Z\r\n",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:no start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Mars/Olympus:20260105T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260105T090000Z\r\nDTEND:20260104T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            ""})
    void aMalformedResourceIsReportedAsSuch(String ics) {
        assertThatThrownBy(() -> parse(ics)).isInstanceOf(MalformedResourceException.class);
    }

    @Test
    void ownAddressesIncludeTheLoginWhenItIsAnEmailAddress() {
        ReadContext context = ReadContext.of(List.of(), "bob@example.com", null);

        assertThat(context.ownAddresses()).isEqualTo(Set.of("mailto:bob@example.com"));
        assertThat(context.floatingZone()).isEqualTo("UTC");
    }

    @Test
    void aFoldedLineIsUnfoldedThoughXmlTurnedItsCrlfIntoLf() throws Exception {
        String ics = calendar(event("DTSTART:20260105T090000Z", "SUMMARY:A very long title that a client folds over",
                " two lines")).replace("\r\n", "\n");

        assertThat(parse(ics).get(0).summary()).isEqualTo("A very long title that a client folds overtwo lines");
    }
}
