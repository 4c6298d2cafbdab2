package dev.calsync.app.web;

import static dev.calsync.app.web.TwoUsers.ALICE_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.calsync.app.accounts.ConnectedAccounts;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServeTestConfig;
import dev.calsync.emulator.CallKind;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.store.JdbcSyncStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Looking costs no quota: the calendar lists behind the pages are read once per account, counted by the emulator. */
@SpringBootTest(classes = {CalsyncWebApplication.class, ServeTestConfig.class})
@ActiveProfiles("serve")
@AutoConfigureMockMvc
class PageViewQuotaTest {

    private static final List<String> PAGES = List.of("/dashboard", "/groups/new", "/groups/" + ALICE_GROUP,
            "/groups/" + ALICE_GROUP + "/status", "/groups/" + ALICE_GROUP + "/week");

    @Autowired
    MockMvc mvc;
    @Autowired
    GoogleCalendarEmulator emulator;
    @Autowired
    ConnectedAccounts accounts;
    @Autowired
    JdbcSyncStore store;

    @Test
    void pageViewsReadEachCalendarListOnceUntilRefreshed() throws Exception {
        TwoUsers.ensure(emulator, accounts, store);
        mvc.perform(post("/calendars/refresh").with(TwoUsers.alice()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long before = calendarListCalls();

        for (int round = 0; round < 5; round++) {
            for (String page : PAGES) {
                mvc.perform(get(page).with(TwoUsers.alice())).andExpect(status().isOk());
            }
        }
        assertThat(calendarListCalls() - before).as("one list per account for 25 page views").isEqualTo(2);

        mvc.perform(post("/calendars/refresh").param("group", ALICE_GROUP).with(TwoUsers.alice()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/groups/" + ALICE_GROUP).with(TwoUsers.alice())).andExpect(status().isOk());
        mvc.perform(get("/groups/new").with(TwoUsers.alice())).andExpect(status().isOk());
        assertThat(calendarListCalls() - before).as("read again once after the refresh button").isEqualTo(4);
    }

    private long calendarListCalls() {
        return emulator.counters().forAccount("alice-work", CallKind.CALENDAR_LIST)
                + emulator.counters().forAccount("alice-home", CallKind.CALENDAR_LIST);
    }
}
