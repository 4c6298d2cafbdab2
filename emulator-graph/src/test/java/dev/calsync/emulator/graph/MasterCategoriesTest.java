package dev.calsync.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.store.MailboxSettingsAccess;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code me/outlook/masterCategories}: Graph's shapes, a unique name per mailbox, the grant it needs; events' categories. */
class MasterCategoriesTest extends GraphFixture {

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("value").forEach(c -> names.add(c.path("displayName").asText() + "=" + c.path("color").asText()));
        return names;
    }

    @Test
    void aCreatedCategoryIsListedWithIdNameAndColourInItsOwnMailboxOnly() {
        GraphClient.Answer created = alice.post("me/outlook/masterCategories",
                GraphClient.json("{'displayName':'Project expenses','color':'preset9'}"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("@odata.context").asText()).endsWith("/outlook/masterCategories/$entity");
        String id = created.json().path("id").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        GraphClient.Answer list = alice.get("me/outlook/masterCategories");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("@odata.context").asText()).contains("/outlook/masterCategories");
        assertThat(names(list.json())).containsExactly("Project expenses=preset9");
        assertThat(alice.get("me/outlook/masterCategories/" + id).json().path("displayName").asText()).isEqualTo("Project expenses");
        assertThat(names(bob.get("me/outlook/masterCategories").json())).isEmpty();
        assertThat(bob.get("me/outlook/masterCategories/" + id).status()).isEqualTo(404);
        assertThat(alice.get("users/" + ALICE + "/outlook/masterCategories").status()).isEqualTo(200);
        assertThat(emulator.counters().forMailbox(ALICE, CallKind.CREATE_CATEGORY)).isEqualTo(1);
    }

    @Test
    void aNameTakenInAnyCaseIsAConflictAndChangesNothing() {
        alice.post("me/outlook/masterCategories", GraphClient.json("{'displayName':'Busy','color':'preset0'}"));

        GraphClient.Answer again = alice.post("me/outlook/masterCategories",
                GraphClient.json("{'displayName':'BUSY','color':'preset4'}"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("Conflict");
        assertThat(names(alice.get("me/outlook/masterCategories").json())).containsExactly("Busy=preset0");
    }

    @Test
    void aCategoryNeedsANameAndOneOfGraphsColours() {
        assertThat(alice.post("me/outlook/masterCategories", GraphClient.json("{'color':'preset1'}")).status()).isEqualTo(400);
        GraphClient.Answer badColour = alice.post("me/outlook/masterCategories",
                GraphClient.json("{'displayName':'Tomato','color':'preset25'}"));
        assertThat(badColour.status()).isEqualTo(400);
        assertThat(badColour.errorCode()).isEqualTo("RequestBodyRead");
        GraphClient.Answer plain = alice.post("me/outlook/masterCategories", GraphClient.json("{'displayName':'Plain'}"));
        assertThat(plain.json().path("color").asText()).isEqualTo("none");
        assertThat(alice.patch("me/outlook/masterCategories", GraphClient.json("{}")).status()).isEqualTo(405);
    }

    @Test
    void withoutMailboxSettingsPermissionTheListIsForbiddenAndReadOnlyMayNotAdd() {
        emulator.masterCategories(ALICE).setAccess(MailboxSettingsAccess.NONE);
        GraphClient.Answer list = alice.get("me/outlook/masterCategories");
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.errorCode()).isEqualTo("ErrorAccessDenied");

        emulator.masterCategories(ALICE).setAccess(MailboxSettingsAccess.READ);
        assertThat(alice.get("me/outlook/masterCategories").status()).isEqualTo(200);
        GraphClient.Answer add = alice.post("me/outlook/masterCategories", GraphClient.json("{'displayName':'Busy','color':'preset0'}"));
        assertThat(add.status()).isEqualTo(403);
        assertThat(add.errorCode()).isEqualTo("ErrorAccessDenied");
        assertThat(emulator.masterCategories(ALICE).list()).isEmpty();
    }

    @Test
    void aDeletedCategoryIsGoneAndItsNameFreeAgain() {
        String id = alice.post("me/outlook/masterCategories", GraphClient.json("{'displayName':'Busy','color':'preset0'}"))
                .json().path("id").asText();

        assertThat(alice.delete("me/outlook/masterCategories/" + id).status()).isEqualTo(204);

        assertThat(alice.delete("me/outlook/masterCategories/" + id).status()).isEqualTo(404);
        assertThat(alice.post("me/outlook/masterCategories", GraphClient.json("{'displayName':'Busy','color':'preset4'}"))
                .status()).isEqualTo(201);
    }

    @Test
    void eventsKeepTheirCategoriesThroughWritesAndReadsAndRefuseOtherThanNames() {
        ObjectNode block = timed("Busy", "2030-03-04T09:00:00", "2030-03-04T10:00:00");
        block.putArray("categories").add("calsync: Busy (Tomato)");
        JsonNode event = create(work, block);
        String id = event.path("id").asText();
        assertThat(event.path("categories").get(0).asText()).isEqualTo("calsync: Busy (Tomato)");

        alice.patch("me/events/" + id, GraphClient.json("{'categories':['Red category','Blue category']}"));
        assertThat(alice.get("me/events/" + id).json().path("categories")).extracting(JsonNode::asText)
                .containsExactly("Red category", "Blue category");
        assertThat(readAll(alice, "me/calendars/" + work + "/calendarView?startDateTime=2030-03-01T00:00:00Z"
                + "&endDateTime=2030-03-08T00:00:00Z").items()).singleElement()
                .satisfies(e -> assertThat(e.path("categories")).hasSize(2));
        assertThat(alice.patch("me/events/" + id, GraphClient.json("{'categories':'Red'}")).status()).isEqualTo(400);
        assertThat(alice.patch("me/events/" + id, GraphClient.json("{'categories':[1]}")).status()).isEqualTo(400);
    }
}
