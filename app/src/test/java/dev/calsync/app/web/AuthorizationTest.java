package dev.calsync.app.web;

import static dev.calsync.app.web.TwoUsers.ALICE_GROUP;
import static dev.calsync.app.web.TwoUsers.ALICE_HOME;
import static dev.calsync.app.web.TwoUsers.ALICE_WORK;
import static dev.calsync.app.web.TwoUsers.BOB_GROUP;
import static dev.calsync.app.web.TwoUsers.BOB_WORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.calsync.app.accounts.ConnectedAccounts;
import dev.calsync.app.schedule.GroupSyncRunner;
import dev.calsync.app.schedule.SyncOrder;
import dev.calsync.app.schedule.SyncScheduler;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServeTestConfig;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.store.AccountStore;
import dev.calsync.store.JdbcSyncStore;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Bob tries every endpoint on Alice's groups, accounts, calendars and blocks: each answers 404 (as for something
 * that does not exist), and afterwards Alice's group, blocks and queue are as they were. The same requests as Alice
 * succeed, so the 404s are about ownership and not broken requests.
 */
@SpringBootTest(classes = {CalsyncWebApplication.class, ServeTestConfig.class})
@ActiveProfiles("serve")
@AutoConfigureMockMvc
class AuthorizationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    GoogleCalendarEmulator emulator;
    @Autowired
    ConnectedAccounts accounts;
    @Autowired
    AccountStore accountStore;
    @Autowired
    JdbcSyncStore store;
    @Autowired
    GroupSyncRunner runner;
    @Autowired
    SyncScheduler scheduler;

    /** One request of one endpoint; {@code safeForOwner}: the owner may run it here without changing the fixture. */
    record Endpoint(String name, MockHttpServletRequestBuilder request, boolean safeForOwner) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Endpoint> endpointsOnAlicesThings() {
        String group = "/groups/" + ALICE_GROUP;
        return Stream.of(
                new Endpoint("group page", get(group), true),
                new Endpoint("group status", get(group + "/status"), true),
                new Endpoint("save settings", post(group + "/settings").param("busyTitle", "Busy")
                        .param("pastDays", "30").param("futureDays", "90").param("mode", "incremental")
                        .param("manualEdits", "restore"), true),
                new Endpoint("add own calendar to alice's group", post(group + "/calendars")
                        .param("calendar", BOB_WORK), false),
                new Endpoint("add alice's calendar to own group", post("/groups/" + BOB_GROUP + "/calendars")
                        .param("calendar", ALICE_WORK), false),
                new Endpoint("create a group of alice's calendars", post("/groups").param("name", "mine")
                        .param("calendars", ALICE_WORK).param("calendars", ALICE_HOME).param("busyTitle", "Busy")
                        .param("pastDays", "30").param("futureDays", "90").param("mode", "incremental")
                        .param("manualEdits", "restore"), false),
                new Endpoint("confirm calendar removal", get(group + "/calendars/remove")
                        .param("calendar", ALICE_WORK), true),
                new Endpoint("remove calendar", post(group + "/calendars/remove").param("calendar", ALICE_WORK), false),
                new Endpoint("confirm group deletion", get(group + "/delete"), true),
                new Endpoint("delete group", post(group + "/delete"), false),
                new Endpoint("sync now", post(group + "/sync"), false),
                new Endpoint("full resync", post(group + "/full-resync"), false),
                new Endpoint("verify", post(group + "/verify"), true));
    }

    @BeforeEach
    void twoUsersWithSyncedGroups() {
        if (store.group(ALICE_GROUP).isEmpty() || store.group(ALICE_GROUP).get().calendars().size() != 2) {
            TwoUsers.connect(emulator, accounts, store);
        }
        assertThat(TwoUsers.passThatRan(runner, SyncOrder.poll(ALICE_GROUP)).outcome())
                .isEqualTo(GroupReport.Outcome.SYNCED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsOnAlicesThings")
    void bobGetsNotFoundAndChangesNothing(Endpoint endpoint) throws Exception {
        SyncGroup before = store.group(ALICE_GROUP).orElseThrow();
        int blocksBefore = store.blocks(ALICE_GROUP).size();
        SyncGroup bobsBefore = store.group(BOB_GROUP).orElseThrow();
        // Other test classes share this database and may have given bob more groups: the request must add none.
        List<String> bobsGroupsBefore = store.groupsOf(TwoUsers.BOB).stream().map(SyncGroup::id).toList();

        mvc.perform(endpoint.request().with(TwoUsers.bob()).with(csrf())).andExpect(status().isNotFound());

        assertThat(store.group(ALICE_GROUP)).contains(before);
        assertThat(store.blocks(ALICE_GROUP)).hasSize(blocksBefore);
        assertThat(store.group(BOB_GROUP)).contains(bobsBefore);
        assertThat(store.groupsOf(TwoUsers.BOB)).extracting(SyncGroup::id)
                .containsExactlyInAnyOrderElementsOf(bobsGroupsBefore).contains(BOB_GROUP);
        assertThat(scheduler.pending(ALICE_GROUP)).noneMatch(order -> order.kind() != SyncOrder.Kind.POLL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsOnAlicesThings")
    void aliceMayUseTheSameRequests(Endpoint endpoint) throws Exception {
        if (endpoint.safeForOwner()) {
            int code = mvc.perform(endpoint.request().with(TwoUsers.alice()).with(csrf())).andReturn()
                    .getResponse().getStatus();
            assertThat(code).isIn(200, 302);
        } else {
            // Changing requests are exercised by their own tests; here only that they exist for their owner.
            assertThat(endpoint.request()).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsOnAlicesThings")
    void nobodySignedInIsSentToSignIn(Endpoint endpoint) throws Exception {
        mvc.perform(endpoint.request().with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(store.group(ALICE_GROUP)).isPresent();
    }

    @Test
    void bobsPagesShowNothingOfAlice() throws Exception {
        for (String page : List.of("/dashboard", "/accounts", "/groups/new", "/groups/" + BOB_GROUP)) {
            String html = mvc.perform(get(page).with(TwoUsers.bob())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).doesNotContain(ALICE_GROUP).doesNotContain("alice@work.example")
                    .doesNotContain("alice@personal.example");
        }
        String alices = mvc.perform(get("/dashboard").with(TwoUsers.alice())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(alices).contains(ALICE_GROUP).doesNotContain(BOB_GROUP);
    }

    @Test
    void aConnectCallbackWithoutThisSessionsRequestIsRefused() throws Exception {
        mvc.perform(get("/accounts/connect/callback").param("code", "stolen").param("state", "alice-state")
                .with(TwoUsers.bob())).andExpect(status().isBadRequest());
        assertThat(accountStore.listByOwner(TwoUsers.BOB)).hasSize(2);
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/groups/" + ALICE_GROUP + "/sync").with(TwoUsers.alice())).andExpect(status().isForbidden());
        mvc.perform(post("/groups/" + ALICE_GROUP + "/delete").with(TwoUsers.alice()))
                .andExpect(status().isForbidden());
        assertThat(store.group(ALICE_GROUP)).isPresent();
    }
}
