package dev.calsync.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class TransactionIdTest extends GraphFixture {

    private static com.fasterxml.jackson.databind.node.ObjectNode withTransaction(String subject, String transactionId) {
        var event = timed(subject, "2030-03-04T09:00:00", "2030-03-04T10:00:00");
        event.put("transactionId", transactionId);
        return event;
    }

    private int eventsIn(String calendarId) {
        return readAll(alice, "me/calendars/" + calendarId + "/events").items().size();
    }

    @Test
    void retriedPostWithTheSameTransactionIdAnswersWithTheFirstEventAndCreatesNoOther() {
        JsonNode first = create(work, withTransaction("Busy", "block-42"));
        GraphClient.Answer retry = alice.post("me/calendars/" + work + "/events", withTransaction("Busy", "block-42"));
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(retry.json().path("transactionId").asText()).isEqualTo("block-42");
        assertThat(eventsIn(work)).isEqualTo(1);
    }

    @Test
    void lostAnswerThenRetryLeavesExactlyOneEvent() {
        emulator.faults().loseResponsesOfNextWrites(1, true);
        Throwable lost = catchThrowable(() -> alice.post("me/calendars/" + work + "/events", withTransaction("Busy", "block-7")));
        assertThat(lost).isInstanceOf(UncheckedIOException.class);
        GraphClient.Answer retry = alice.post("me/calendars/" + work + "/events", withTransaction("Busy", "block-7"));
        assertThat(retry.status()).isEqualTo(201);
        assertThat(eventsIn(work)).isEqualTo(1);
    }

    @Test
    void sameTransactionIdWithAnotherBodyIsRefusedAsDuplicate() {
        create(work, withTransaction("Busy", "block-1"));
        GraphClient.Answer other = alice.post("me/calendars/" + work + "/events", withTransaction("Something else", "block-1"));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.errorCode()).isEqualTo("ErrorDuplicateTransactionId");
        assertThat(eventsIn(work)).isEqualTo(1);
    }

    @Test
    void transactionIdIsKeptPerMailboxAcrossCalendars() {
        create(work, withTransaction("Busy", "block-9"));
        GraphClient.Answer elsewhere = alice.post("me/calendars/" + side + "/events", withTransaction("Busy", "block-9"));
        assertThat(elsewhere.errorCode()).isEqualTo("ErrorDuplicateTransactionId");
        GraphClient.Answer otherMailbox = bob.post("me/events", withTransaction("Busy", "block-9"));
        assertThat(otherMailbox.status()).isEqualTo(201);
    }

    @Test
    void transactionIdOfADeletedEventCanCreateAgain() {
        String id = create(work, withTransaction("Busy", "block-3")).path("id").asText();
        alice.delete("me/events/" + id);
        GraphClient.Answer again = alice.post("me/calendars/" + work + "/events", withTransaction("Busy", "block-3"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("id").asText()).isNotEqualTo(id);
    }

    @Test
    void transactionIdCannotBeChangedLater() {
        String id = create(work, withTransaction("Busy", "block-5")).path("id").asText();
        GraphClient.Answer a = alice.patch("me/events/" + id, GraphClient.json("{'transactionId':'other'}"));
        assertThat(a.status()).isEqualTo(400);
    }
}
