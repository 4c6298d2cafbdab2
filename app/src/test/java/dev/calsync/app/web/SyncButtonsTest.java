package dev.calsync.app.web;

import static dev.calsync.app.web.TwoUsers.ALICE_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.calsync.app.accounts.ConnectedAccounts;
import dev.calsync.app.schedule.SyncOrder;
import dev.calsync.app.schedule.SyncScheduler;
import dev.calsync.app.schedule.SyncTasks;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServeTestConfig;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.store.JdbcSyncStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** "Full resync" pressed 30 times queues one pass; the other presses say it is already queued. */
@SpringBootTest(classes = {CalsyncWebApplication.class, ServeTestConfig.class})
@ActiveProfiles("serve")
@AutoConfigureMockMvc
class SyncButtonsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    GoogleCalendarEmulator emulator;
    @Autowired
    ConnectedAccounts accounts;
    @Autowired
    JdbcSyncStore store;
    @Autowired
    SyncScheduler syncScheduler;
    @Autowired
    Scheduler scheduler;

    @Test
    void onePassPerGroupAndKindWaitsAtATime() throws Exception {
        TwoUsers.ensure(emulator, accounts, store);
        // Nothing is picked while paused, so what is queued stays queued for the whole test.
        scheduler.pause();
        try {
            List<String> answers = new ArrayList<>();
            for (int press = 0; press < 30; press++) {
                answers.add(press("/full-resync"));
            }
            assertThat(answers.get(0)).contains("full resync of " + ALICE_GROUP + " is queued");
            assertThat(answers.subList(1, 30)).allSatisfy(answer -> assertThat(answer).contains("already queued"));
            assertThat(press("/sync")).as("the other kind").contains("A sync of " + ALICE_GROUP + " is queued");
            assertThat(press("/sync")).contains("already queued");
            assertThat(waiting(SyncOrder.Kind.FULL)).hasSize(1);
            assertThat(waiting(SyncOrder.Kind.SYNC)).hasSize(1);
        } finally {
            // Other tests of this context expect no button passes of alice's group.
            for (SyncOrder order : syncScheduler.pending(ALICE_GROUP)) {
                if (order.kind() != SyncOrder.Kind.POLL) {
                    scheduler.cancel(TaskInstanceId.of(SyncTasks.SYNC_TASK, order.instanceId()));
                }
            }
            scheduler.resume();
        }
    }

    private List<SyncOrder> waiting(SyncOrder.Kind kind) {
        return syncScheduler.pending(ALICE_GROUP).stream().filter(order -> order.kind() == kind).toList();
    }

    private String press(String button) throws Exception {
        return String.valueOf(mvc.perform(post("/groups/" + ALICE_GROUP + button).with(TwoUsers.alice()).with(csrf()))
                .andReturn().getFlashMap().get("message"));
    }
}
