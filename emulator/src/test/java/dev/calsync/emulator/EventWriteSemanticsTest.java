package dev.calsync.emulator;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EventWriteSemanticsTest extends EmulatorFixture {

    private Event sample() { return timed("Planning", tomorrowAt(10), Duration.ofHours(1)); }

    @Test
    void insertWithAnExistingIdIsADuplicate() throws Exception {
        alice.events().insert(ALICE_CAL, sample().setId("block00001")).execute();
        GoogleJsonResponseException e = apiError(() -> alice.events().insert(ALICE_CAL, sample().setId("block00001")).execute());
        assertThat(e.getStatusCode()).isEqualTo(409);
        assertThat(reason(e)).isEqualTo("duplicate");
    }

    @Test
    void insertWithTheIdOfADeletedEventIsStillADuplicate() throws Exception {
        alice.events().insert(ALICE_CAL, sample().setId("block00002")).execute();
        alice.events().delete(ALICE_CAL, "block00002").execute();
        GoogleJsonResponseException e = apiError(() -> alice.events().insert(ALICE_CAL, sample().setId("block00002")).execute());
        assertThat(e.getStatusCode()).isEqualTo(409);
        assertThat(reason(e)).isEqualTo("duplicate");
    }

    @Test
    void updateOfADeletedEventRevivesIt() throws Exception {
        alice.events().insert(ALICE_CAL, sample().setId("block00003")).execute();
        alice.events().delete(ALICE_CAL, "block00003").execute();
        assertThat(alice.events().get(ALICE_CAL, "block00003").execute().getStatus()).isEqualTo("cancelled");

        Event revived = alice.events().update(ALICE_CAL, "block00003", sample().setSummary("Back")).execute();

        assertThat(revived.getStatus()).isEqualTo("confirmed");
        assertThat(alice.events().list(ALICE_CAL).execute().getItems()).extracting(Event::getId).containsExactly("block00003");
    }

    @Test
    void updateOrPatchOfAnUnknownIdIsNotFound() {
        assertThat(apiError(() -> alice.events().update(ALICE_CAL, "nosuchevent", sample()).execute()).getStatusCode()).isEqualTo(404);
        assertThat(apiError(() -> alice.events().patch(ALICE_CAL, "nosuchevent", sample()).execute()).getStatusCode()).isEqualTo(404);
        assertThat(apiError(() -> alice.events().get(ALICE_CAL, "nosuchevent").execute()).getStatusCode()).isEqualTo(404);
    }

    @Test
    void deleteOfAnUnknownIdIsNotFoundAndOfADeletedEventIsGone() throws Exception {
        GoogleJsonResponseException unknown = apiError(() -> alice.events().delete(ALICE_CAL, "nosuchevent").execute());
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(reason(unknown)).isEqualTo("notFound");

        String id = alice.events().insert(ALICE_CAL, sample()).execute().getId();
        alice.events().delete(ALICE_CAL, id).execute();
        GoogleJsonResponseException again = apiError(() -> alice.events().delete(ALICE_CAL, id).execute());
        assertThat(again.getStatusCode()).isEqualTo(410);
        assertThat(reason(again)).isEqualTo("deleted");
    }

    @Test
    void staleIfMatchFailsWithPreconditionFailed() throws Exception {
        Event created = alice.events().insert(ALICE_CAL, sample()).execute();
        Event updated = alice.events().update(ALICE_CAL, created.getId(), created.setSummary("v2")).execute();

        var staleUpdate = alice.events().update(ALICE_CAL, created.getId(), updated.setSummary("v3"));
        staleUpdate.getRequestHeaders().setIfMatch(created.getEtag());
        GoogleJsonResponseException e = apiError(staleUpdate::execute);
        assertThat(e.getStatusCode()).isEqualTo(412);
        assertThat(reason(e)).isEqualTo("conditionNotMet");

        var staleDelete = alice.events().delete(ALICE_CAL, created.getId());
        staleDelete.getRequestHeaders().setIfMatch(created.getEtag());
        assertThat(apiError(staleDelete::execute).getStatusCode()).isEqualTo(412);

        var freshUpdate = alice.events().update(ALICE_CAL, created.getId(), updated.setSummary("v3"));
        freshUpdate.getRequestHeaders().setIfMatch(updated.getEtag());
        assertThat(freshUpdate.execute().getSummary()).isEqualTo("v3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcd", "ABCDEFG", "abcdefw", "abc_defg", "abc-defg"})
    void clientIdsMustBeBase32HexOfAtLeastFiveCharacters(String badId) {
        GoogleJsonResponseException e = apiError(() -> alice.events().insert(ALICE_CAL, sample().setId(badId)).execute());
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(reason(e)).isEqualTo("invalid");
    }

    @Test
    void generatedIdsAreBase32Hex() throws Exception {
        String id = alice.events().insert(ALICE_CAL, sample()).execute().getId();
        assertThat(id).matches("[a-v0-9]{5,1024}");
    }

    @Test
    void insertWithoutStartOrEndIsABadRequest() {
        assertThat(apiError(() -> alice.events().insert(ALICE_CAL, sample().setStart(null)).execute()).getStatusCode()).isEqualTo(400);
        assertThat(apiError(() -> alice.events().insert(ALICE_CAL, sample().setEnd(null)).execute()).getStatusCode()).isEqualTo(400);
    }

    @Test
    void endBeforeStartOrMixedDateKindsIsABadRequest() {
        Event backwards = sample();
        backwards.setEnd(new EventDateTime().setDateTime(new DateTime(backwards.getStart().getDateTime().getValue() - 60_000)));
        assertThat(apiError(() -> alice.events().insert(ALICE_CAL, backwards).execute()).getStatusCode()).isEqualTo(400);

        Event mixed = sample().setEnd(new EventDateTime().setDate(new DateTime("2030-01-02")));
        assertThat(apiError(() -> alice.events().insert(ALICE_CAL, mixed).execute()).getStatusCode()).isEqualTo(400);
    }

    @Test
    void everyChangeGetsANewEtagAndUpdatedTimeAndTimeChangesBumpTheSequence() throws Exception {
        Event created = alice.events().insert(ALICE_CAL, sample()).execute();
        assertThat(created.getSequence()).isZero();
        assertThat(created.getStatus()).isEqualTo("confirmed");
        assertThat(created.getEventType()).isEqualTo("default");
        assertThat(created.getUpdated()).isNotNull();

        Event renamed = alice.events().patch(ALICE_CAL, created.getId(), new Event().setSummary("renamed")).execute();
        assertThat(renamed.getEtag()).isNotEqualTo(created.getEtag());
        assertThat(renamed.getSequence()).isZero();
        assertThat(renamed.getUpdated().getValue()).isGreaterThanOrEqualTo(created.getUpdated().getValue());
        assertThat(renamed.getStart()).isEqualTo(created.getStart());

        Event moved = alice.events().update(ALICE_CAL, created.getId(),
                renamed.setStart(renamed.getStart().clone().setDateTime(new DateTime(renamed.getStart().getDateTime().getValue() + 3_600_000)))
                        .setEnd(renamed.getEnd().clone().setDateTime(new DateTime(renamed.getEnd().getDateTime().getValue() + 3_600_000)))).execute();
        assertThat(moved.getSequence()).isEqualTo(1);
        assertThat(moved.getEtag()).isNotEqualTo(renamed.getEtag());
        assertThat(moved.getCreated()).isEqualTo(created.getCreated());
    }

    @Test
    void patchKeepsUnmentionedFieldsAndUpdateReplacesEverything() throws Exception {
        Event created = alice.events().insert(ALICE_CAL, sample().setDescription("agenda").setLocation("Room 1")).execute();

        Event patched = alice.events().patch(ALICE_CAL, created.getId(), new Event().setLocation("Room 2")).execute();
        assertThat(patched.getDescription()).isEqualTo("agenda");
        assertThat(patched.getLocation()).isEqualTo("Room 2");

        Event replaced = alice.events().update(ALICE_CAL, created.getId(), sample()).execute();
        assertThat(replaced.getDescription()).isNull();
        assertThat(replaced.getLocation()).isNull();
    }

    @Test
    void ownAttendeeIsMarkedSelf() throws Exception {
        Event created = alice.events().insert(ALICE_CAL, sample().setAttendees(new java.util.ArrayList<>(java.util.List.of(
                new com.google.api.services.calendar.model.EventAttendee().setEmail(ALICE_CAL).setResponseStatus("declined"),
                new com.google.api.services.calendar.model.EventAttendee().setEmail("carol@example.com"))))).execute();

        assertThat(created.getAttendees().get(0).getSelf()).isTrue();
        assertThat(created.getAttendees().get(0).getResponseStatus()).isEqualTo("declined");
        assertThat(created.getAttendees().get(1).getSelf()).isNull();
        assertThat(created.getAttendees().get(1).getResponseStatus()).isEqualTo("needsAction");
    }

    @Test
    void transparencyAndVisibilityAreKeptAndValidated() throws Exception {
        Event created = alice.events().insert(ALICE_CAL, sample().setTransparency("transparent").setVisibility("private")).execute();
        assertThat(created.getTransparency()).isEqualTo("transparent");
        assertThat(created.getVisibility()).isEqualTo("private");
        assertThat(apiError(() -> alice.events().insert(ALICE_CAL, sample().setTransparency("see-through")).execute()).getStatusCode()).isEqualTo(400);
    }
}
