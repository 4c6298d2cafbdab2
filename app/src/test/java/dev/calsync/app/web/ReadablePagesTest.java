package dev.calsync.app.web;

import static dev.calsync.app.web.TwoUsers.ALICE_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.calsync.app.accounts.ConnectedAccounts;
import dev.calsync.app.schedule.GroupSyncRunner;
import dev.calsync.app.schedule.SyncOrder;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServeTestConfig;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.store.JdbcSyncStore;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Pages in words a person reads: numbers that are true, labels instead of enum names, and no surprises. */
@SpringBootTest(classes = {CalsyncWebApplication.class, ServeTestConfig.class})
@ActiveProfiles("serve")
@AutoConfigureMockMvc
class ReadablePagesTest {

    private static final String BOB_SECOND = "bob-second";

    @Autowired
    MockMvc mvc;
    @Autowired
    GoogleCalendarEmulator emulator;
    @Autowired
    ConnectedAccounts accounts;
    @Autowired
    JdbcSyncStore store;
    @Autowired
    GroupSyncRunner runner;
    @Autowired
    Scheduler scheduler;

    @BeforeEach
    void twoUsers() {
        TwoUsers.ensure(emulator, accounts, store);
    }

    @Test
    void aGroupCardCountsTheCallsOnItsOwnCalendarsAsTheEmulatorDoes() throws Exception {
        if (store.group(BOB_SECOND).isEmpty()) {
            emulator.addCalendar("bob-work", "bob-team@work.example", "Team", false);
            emulator.addCalendar("bob-home", "bob-family@personal.example", "Family", false);
            store.saveGroup(TwoUsers.group(BOB_SECOND, TwoUsers.BOB, "bob-work/bob-team@work.example",
                    "bob-home/bob-family@personal.example"));
        }
        for (String group : new String[] {TwoUsers.BOB_GROUP, BOB_SECOND}) {
            await().atMost(Duration.ofSeconds(30)).until(() -> runner.run(SyncOrder.now(group, true)).orElseThrow()
                    .outcome() == GroupReport.Outcome.SYNCED);
        }
        scheduler.pause();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> scheduler.getCurrentlyExecuting().isEmpty());
            String dashboard = page("/dashboard", TwoUsers.bob());
            long second = emulator.counters().forCalendar("bob-team@work.example")
                    + emulator.counters().forCalendar("bob-family@personal.example");
            long first = emulator.counters().forCalendar("bob@work.example")
                    + emulator.counters().forCalendar("bob@personal.example");
            assertThat(callsShown(dashboard, BOB_SECOND)).isEqualTo(second);
            assertThat(callsShown(dashboard, TwoUsers.BOB_GROUP)).isEqualTo(first);
            assertThat(dashboard).contains("on this group's calendars");
        } finally {
            scheduler.resume();
        }
    }

    @Test
    void anExpiredSessionSendsTheWholePageToSignInNotIntoTheCard() throws Exception {
        mvc.perform(get("/groups/" + ALICE_GROUP + "/status").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized()).andExpect(header().string("HX-Redirect", "/login"));
        mvc.perform(get("/groups/" + ALICE_GROUP + "/week").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized()).andExpect(header().string("HX-Redirect", "/login"));
        mvc.perform(get("/groups/" + ALICE_GROUP + "/status"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    void verifyNamesProblemsInWords() throws Exception {
        String report = mvc.perform(post("/groups/" + ALICE_GROUP + "/verify").with(TwoUsers.alice()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(report).contains("Busy time that differs").contains("Orphaned blocks")
                .doesNotContainIgnoringCase("busy_mismatch").doesNotContain(">Orphan<");
    }

    @Test
    void theGroupPageHasOneSettingsHeadingAndTheAccountColumnNamesTheAccount() throws Exception {
        String page = page("/groups/" + ALICE_GROUP, TwoUsers.alice());
        assertThat(Pattern.compile(">Settings<").matcher(page).results().count()).isEqualTo(1);
        assertThat(page).contains("<span>Alice (work)</span>")
                .containsPattern("data-label=\"Account\"><span>alice@work.example</span>");
        assertThat(page).doesNotContain("CALENDAR_LIST").doesNotContain("calendar_list");
    }

    @Test
    void numbersAreWrittenAsPeopleWriteThemAndThereIsAFavicon() throws Exception {
        String dashboard = page("/dashboard", TwoUsers.alice());
        assertThat(dashboard).contains("1,000,000").contains("shared by\n      <span>10,000</span> people")
                .contains("rel=\"icon\"");
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk());
    }

    @Test
    void aGroupWithoutAPlannedPollSaysWhenItsFirstPollComes() throws Exception {
        scheduler.pause();
        try {
            store.saveGroup(TwoUsers.group("alice-fresh", TwoUsers.ALICE, TwoUsers.ALICE_WORK, TwoUsers.ALICE_HOME));
            String status = page("/groups/alice-fresh/status", TwoUsers.alice());
            assertThat(status).doesNotContain("not planned yet")
                    .contains("within 1 min: the scheduler is planning the first one");
        } finally {
            store.deleteGroup("alice-fresh");
            scheduler.resume();
        }
    }

    private String page(String path, RequestPostProcessor user) throws Exception {
        return mvc.perform(get(path).with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static long callsShown(String dashboard, String groupId) {
        Matcher card = Pattern.compile("id=\"status-" + Pattern.quote(groupId)
                + "\".*?<span class=\"calls-today\">([0-9,]+)</span>", Pattern.DOTALL).matcher(dashboard);
        assertThat(card.find()).as("status card of " + groupId).isTrue();
        return Long.parseLong(card.group(1).replace(",", ""));
    }
}
