package dev.calsync.app.web;

import static dev.calsync.app.web.TwoUsers.ALICE_GROUP;
import static dev.calsync.app.web.TwoUsers.ALICE_HOME;
import static dev.calsync.app.web.TwoUsers.ALICE_WORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.calsync.app.accounts.ConnectedAccounts;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServeTestConfig;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.store.JdbcSyncStore;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What a browser may post into the group forms: every mistake comes back as the form with a field error. */
@SpringBootTest(classes = {CalsyncWebApplication.class, ServeTestConfig.class})
@ActiveProfiles("serve")
@AutoConfigureMockMvc
class GroupFormInputTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    GoogleCalendarEmulator emulator;
    @Autowired
    ConnectedAccounts accounts;
    @Autowired
    JdbcSyncStore store;

    @BeforeEach
    void twoUsers() {
        TwoUsers.ensure(emulator, accounts, store);
    }

    @ParameterizedTest(name = "futureDays={0}")
    @ValueSource(strings = {"1e2", "abc", "99999999999", "-1", "0", "731", "2.5", ""})
    void aNumberTheWindowCannotTakeGivesTheSettingsFormBackWithAFieldError(String futureDays) throws Exception {
        SyncGroup before = store.group(ALICE_GROUP).orElseThrow();
        MockHttpServletResponse page = send(post("/groups/" + ALICE_GROUP + "/settings")
                .header("Accept", "application/json")
                .param("busyTitle", "Busy").param("pastDays", "30").param("futureDays", futureDays)
                .param("mode", "incremental").param("manualEdits", "restore"));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentType()).startsWith("text/html");
        String html = page.getContentAsString();
        assertThat(html).contains("id=\"futureDays-error\"").contains("a whole number from 1 to 730")
                .contains("aria-describedby=\"futureDays-error\"").contains("value=\"" + futureDays + "\"");
        assertThat(store.group(ALICE_GROUP)).contains(before);
    }

    @Test
    void aNumberTheWindowCannotTakeGivesTheNewGroupFormBackWithEverythingTyped() throws Exception {
        String html = send(post("/groups").param("name", "both").param("calendars", ALICE_WORK, ALICE_HOME)
                .param("busyTitle", "Busy").param("pastDays", "1e2").param("futureDays", "90")
                .param("mode", "incremental").param("manualEdits", "restore")).getContentAsString();
        assertThat(html).contains("id=\"pastDays-error\"").contains("value=\"1e2\"").contains("value=\"both\"")
                .contains("<h1>New sync group</h1>");
        assertThat(store.groupsOf(TwoUsers.ALICE)).extracting(SyncGroup::id).containsExactly(ALICE_GROUP);
    }

    @Test
    void oneCalendarNamedTwiceThroughItsAliasIsAFormError() throws Exception {
        String html = send(newGroup(ALICE_WORK, "alice-work/primary")).getContentAsString();
        assertThat(html).contains("id=\"calendars-error\"")
                .contains("alice-work/alice@work.example and alice-work/primary are the same calendar");
        assertThat(store.groupsOf(TwoUsers.ALICE)).extracting(SyncGroup::id).containsExactly(ALICE_GROUP);
    }

    @Test
    void aCalendarOutsideTheAccountsCalendarListIsAFormError() throws Exception {
        String html = send(newGroup(ALICE_WORK, "alice-home/somebody@else.example")).getContentAsString();
        assertThat(html).contains("alice-home/somebody@else.example: not in the calendar list of account alice-home");
        assertThat(store.groupsOf(TwoUsers.ALICE)).extracting(SyncGroup::id).containsExactly(ALICE_GROUP);
    }

    @Test
    void aGroupRepeatingAnotherGroupsPairIsAFormErrorNamingBothGroupsAndTheCalendars() throws Exception {
        String html = send(newGroup("alice-home/primary", ALICE_WORK)).getContentAsString();
        assertThat(html).contains("id=\"calendars-error\"").contains("both hold")
                .contains(ALICE_GROUP).contains(ALICE_WORK).contains(ALICE_HOME);
        assertThat(store.groupsOf(TwoUsers.ALICE)).extracting(SyncGroup::id).containsExactly(ALICE_GROUP);
    }

    @Test
    void aGroupRepeatingAPairOfAGroupOfTheConfigurationFileIsAFormErrorWhateverOwnerTheFileGaveIt() throws Exception {
        // The file's group holds both of alice's calendars under an owner of its own (the file left it out: the
        // group id); alice's web group holds one of them for a moment (restored before each test).
        store.saveGroup(TwoUsers.group(ALICE_GROUP, TwoUsers.ALICE, ALICE_WORK));
        store.saveFileGroups(List.of(TwoUsers.group("desk", "desk", ALICE_WORK, ALICE_HOME)),
                Set.of("alice-work", "alice-home"));
        try {
            String html = send(newGroup("alice-work/primary", "alice-home/primary")).getContentAsString();
            assertThat(html).contains("id=\"calendars-error\"").contains("both hold").contains("&#39;desk&#39;")
                    .contains(ALICE_WORK).contains(ALICE_HOME).contains("is in the configuration file");
            assertThat(store.groupsOf(TwoUsers.ALICE)).extracting(SyncGroup::id).containsExactly(ALICE_GROUP);

            assertThat(flash(post("/groups/" + ALICE_GROUP + "/calendars").param("calendar", "alice-home/primary")))
                    .startsWith("Not added: ").contains("'desk'", "'" + ALICE_GROUP + "'", ALICE_WORK, ALICE_HOME);
            assertThat(store.group(ALICE_GROUP).orElseThrow().calendars())
                    .containsExactly(new CalendarRef("alice-work", "alice@work.example"));
        } finally {
            store.deleteGroup("desk");
            store.groupsOf(TwoUsers.ALICE).stream().map(SyncGroup::id).filter(id -> !id.equals(ALICE_GROUP))
                    .forEach(store::deleteGroup); // one a failure let through: the other tests count alice's groups
        }
    }

    @Test
    void anAliasIsStoredAsTheCalendarItNames() throws Exception {
        // Alice's group holds one calendar for a moment, so the new group repeats no pair (restored before each test).
        store.saveGroup(TwoUsers.group(ALICE_GROUP, TwoUsers.ALICE, ALICE_WORK));
        MockHttpServletResponse created = send(newGroup("alice-work/primary", "alice-home/primary"));
        assertThat(created.getStatus()).isEqualTo(302);
        String id = created.getRedirectedUrl().substring("/groups/".length());
        try {
            assertThat(store.group(id).orElseThrow().calendars()).containsExactly(
                    new CalendarRef("alice-work", "alice@work.example"),
                    new CalendarRef("alice-home", "alice@personal.example"));
        } finally {
            store.deleteGroup(id);
        }
    }

    @Test
    void addingACalendarAlreadyInTheGroupUnderItsAliasAddsNothing() throws Exception {
        SyncGroup before = store.group(ALICE_GROUP).orElseThrow();
        assertThat(flash(post("/groups/" + ALICE_GROUP + "/calendars").param("calendar", "alice-home/primary")))
                .contains("already in this group");
        assertThat(flash(post("/groups/" + ALICE_GROUP + "/calendars")
                .param("calendar", "alice-home/invented@calendar.example"))).contains("not in the calendar list");
        assertThat(store.group(ALICE_GROUP)).contains(before);
    }

    private MockHttpServletRequestBuilder newGroup(String... calendars) {
        return post("/groups").param("name", "aliases").param("calendars", calendars).param("busyTitle", "Busy")
                .param("pastDays", "30").param("futureDays", "90").param("mode", "incremental")
                .param("manualEdits", "restore");
    }

    private String flash(MockHttpServletRequestBuilder request) throws Exception {
        return String.valueOf(mvc.perform(request.with(TwoUsers.alice()).with(csrf())).andReturn().getFlashMap()
                .get("message"));
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(TwoUsers.alice()).with(csrf())).andReturn().getResponse();
    }
}
