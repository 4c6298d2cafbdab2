package dev.calsync.app.web;

import static dev.calsync.app.web.TwoUsers.ALICE_GROUP;
import static dev.calsync.app.web.TwoUsers.BOB_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.calsync.app.accounts.ConnectedAccounts;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServeTestConfig;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.rules.AllDayRule;
import dev.calsync.core.rules.CalendarRole;
import dev.calsync.core.rules.GroupRules;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.store.JdbcSyncStore;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The group page's rules form: saved as posted, every mistake back in the form, CSRF and ownership enforced. */
@SpringBootTest(classes = {CalsyncWebApplication.class, ServeTestConfig.class})
@ActiveProfiles("serve")
@AutoConfigureMockMvc
class RulesFormInputTest {
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
        SyncGroup group = store.group(ALICE_GROUP).orElseThrow();
        store.saveGroup(group.withRules(GroupRules.DEFAULT));
    }

    private static MockHttpServletRequestBuilder rules(String group, String from, String... roles) {
        return post("/groups/" + group + "/rules").param("allDay", "never").param("outOfOffice", "on")
                .param("hours", "on").param("days", "MO", "FR").param("from", from).param("to", "17:00")
                .param("zone", "Europe/Berlin").param("skipTitles", "[nosync]\nPrivate").param("color", "8")
                .param("roles", roles).param("names", "Work", "");
    }

    @Test
    void validRulesAreSavedAsPosted() throws Exception {
        MockHttpServletResponse saved = send(rules(ALICE_GROUP, "08:30", "both", "source"));

        assertThat(saved.getStatus()).isEqualTo(302);
        GroupRules rules = store.group(ALICE_GROUP).orElseThrow().rules();
        SyncGroup group = store.group(ALICE_GROUP).orElseThrow();
        assertThat(rules.busy().tentative().blocks()).isFalse();
        assertThat(rules.busy().outOfOffice().blocks()).isTrue();
        assertThat(rules.busy().allDay()).isEqualTo(AllDayRule.NEVER);
        assertThat(rules.busy().hours().from()).isEqualTo(LocalTime.of(8, 30));
        assertThat(rules.busy().skipTitles().markers()).containsExactly("[nosync]", "Private");
        assertThat(rules.color().index()).isEqualTo(8);
        assertThat(rules.roleOf(group.calendars().get(1))).isEqualTo(CalendarRole.SOURCE);
        assertThat(rules.nameOf(group.calendars().get(0))).isEqualTo("Work");
    }

    @Test
    void aBadTimeComesBackInTheFormWithItsErrorAndNothingIsSaved() throws Exception {
        String html = send(rules(ALICE_GROUP, "8am", "both", "both")).getContentAsString();

        assertThat(html).contains("id=\"from-error\"").contains("hours.from must be a time as HH:mm")
                .contains("value=\"8am\"");
        assertThat(store.group(ALICE_GROUP).orElseThrow().rules()).isEqualTo(GroupRules.DEFAULT);
    }

    @Test
    void rolesThatBlockNothingAndAnUnknownZoneAreFormErrors() throws Exception {
        String html = send(rules(ALICE_GROUP, "08:00", "source", "source").param("zone", "Mars/Base"))
                .getContentAsString();
        assertThat(html).contains("id=\"roles-error\"").contains("id=\"zone-error\"");
        assertThat(store.group(ALICE_GROUP).orElseThrow().rules()).isEqualTo(GroupRules.DEFAULT);
    }

    @Test
    void withoutCsrfOrForSomeoneElsesGroupNothingIsSaved() throws Exception {
        int noToken = mvc.perform(rules(ALICE_GROUP, "08:00", "both", "source").with(TwoUsers.alice()))
                .andReturn().getResponse().getStatus();
        int foreign = send(rules(BOB_GROUP, "08:00", "both", "source")).getStatus();

        assertThat(noToken).isEqualTo(403);
        assertThat(foreign).isEqualTo(404);
        assertThat(store.group(ALICE_GROUP).orElseThrow().rules()).isEqualTo(GroupRules.DEFAULT);
        assertThat(store.group(BOB_GROUP).orElseThrow().rules()).isEqualTo(GroupRules.DEFAULT);
    }

    @Test
    void thePageOffersEveryRuleAndWarnsAboutTitles() throws Exception {
        String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/groups/" + ALICE_GROUP).with(TwoUsers.alice())).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("name=\"tentative\"", "name=\"allDay\"", "name=\"outOfOffice\"", "name=\"hours\"",
                "name=\"days\"", "name=\"from\"", "name=\"to\"", "name=\"zone\"", "name=\"skipTitles\"",
                "name=\"color\"", "name=\"roles\"", "name=\"names\"", "id=\"title-warning\"", "name=\"_csrf\"");
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(TwoUsers.alice()).with(csrf())).andReturn().getResponse();
    }
}
