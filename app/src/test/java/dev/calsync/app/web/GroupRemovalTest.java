package dev.calsync.app.web;

import static dev.calsync.app.web.TwoUsers.ALICE_HOME;
import static dev.calsync.app.web.TwoUsers.ALICE_WORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.calsync.app.accounts.ConnectedAccounts;
import dev.calsync.app.schedule.GroupSyncRunner;
import dev.calsync.app.schedule.SyncOrder;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServeTestConfig;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.store.JdbcSyncStore;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Removing a calendar or a group first shows its block count, then removes every one of those blocks. */
@SpringBootTest(classes = {CalsyncWebApplication.class, ServeTestConfig.class},
        properties = "logging.level.dev.calsync=WARN")
@ActiveProfiles("serve")
@AutoConfigureMockMvc
class GroupRemovalTest {

    private static final String GROUP = "removal-group";
    private static final List<String> CALENDARS = List.of("alice@work.example", "alice@personal.example");

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

    @BeforeEach
    void syncedGroupOfAlicesTwoCalendars() {
        TwoUsers.connect(emulator, accounts, store);
        store.saveGroup(TwoUsers.group(GROUP, TwoUsers.ALICE, ALICE_WORK, ALICE_HOME));
        assertThat(TwoUsers.passThatRan(runner, SyncOrder.poll(GROUP)).outcome())
                .isEqualTo(GroupReport.Outcome.SYNCED);
        assertThat(blocksOnEmulator()).isPositive();
    }

    @Test
    void removingACalendarShowsItsBlockCountThenLeavesNoBlockBehind() throws Exception {
        long involved = store.blocks(GROUP).stream()
                .filter(b -> b.target().calendarId().equals("alice@work.example")
                        || "alice-work/alice@work.example".equals(b.sourceCalendar()))
                .count();
        assertThat(involved).isEqualTo(blocksOnEmulator());

        mvc.perform(get("/groups/" + GROUP + "/calendars/remove").param("calendar", ALICE_WORK)
                        .with(TwoUsers.alice()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "<strong class=\"blocks-count\">" + involved + "</strong>")));
        mvc.perform(post("/groups/" + GROUP + "/calendars/remove").param("calendar", ALICE_WORK)
                        .with(TwoUsers.alice()).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(blocksOnEmulator()).isZero();
        assertThat(store.blocks(GROUP)).isEmpty();
        assertThat(store.group(GROUP).orElseThrow().calendars()).extracting(c -> c.key()).containsExactly(ALICE_HOME);
    }

    @Test
    void deletingAGroupRemovesEveryBlockThenTheGroup() throws Exception {
        long blocks = store.blocks(GROUP).size();
        mvc.perform(get("/groups/" + GROUP + "/delete").with(TwoUsers.alice()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "<strong class=\"blocks-count\">" + blocks + "</strong>")));
        mvc.perform(post("/groups/" + GROUP + "/delete").with(TwoUsers.alice()).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(blocksOnEmulator()).isZero();
        assertThat(store.group(GROUP)).isEmpty();
        assertThat(store.blocks(GROUP)).isEmpty();
        assertThat(store.groupsOf(TwoUsers.ALICE)).extracting(SyncGroup::id).doesNotContain(GROUP);
    }

    private long blocksOnEmulator() {
        return CALENDARS.stream().flatMap(calendar -> emulator.userListAll(calendar, false).stream())
                .filter(event -> GROUP.equals(event.at("/extendedProperties/private/" + BlockMarker.GROUP).asText()))
                .count();
    }
}
