package dev.calsync.app.web;

import static dev.calsync.app.web.TwoUsers.ALICE_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.app.accounts.ConnectedAccounts;
import dev.calsync.app.schedule.GroupSyncRunner;
import dev.calsync.app.schedule.SyncOrder;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServeTestConfig;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.store.JdbcSyncStore;
import dev.calsync.store.LastPasses;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * "Sync now" and "Full resync" run on the node's one engine, like scheduled and pushed passes: their API calls reach
 * the Prometheus counters, the pass its own {@code trigger="manual"} timer, and the last pass every node's
 * dashboard shows.
 */
@SpringBootTest(classes = {CalsyncWebApplication.class, ServeTestConfig.class})
@ActiveProfiles("serve")
class DashboardPassesTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    GoogleCalendarEmulator emulator;
    @Autowired
    ConnectedAccounts accounts;
    @Autowired
    JdbcSyncStore store;
    @Autowired
    GroupSyncRunner runner;
    @Autowired
    LastPasses lastPasses;
    @Autowired
    MeterRegistry registry;

    @Test
    void aDashboardPassIsMeasuredAndShownLikeEveryOtherPass() {
        if (store.group(ALICE_GROUP).isEmpty()) {
            TwoUsers.connect(emulator, accounts, store);
        }
        double passesBefore = manualPasses();
        double listsBefore = lists();
        Instant asked = Instant.now();

        GroupReport report = TwoUsers.passThatRan(runner, SyncOrder.now(ALICE_GROUP, true));

        assertThat(report.outcome()).isEqualTo(GroupReport.Outcome.SYNCED);
        assertThat(manualPasses() - passesBefore).as("passes with trigger=manual").isGreaterThanOrEqualTo(1);
        // A full resync lists each of the group's calendars at least once.
        assertThat(lists() - listsBefore).isGreaterThanOrEqualTo(store.group(ALICE_GROUP).orElseThrow()
                .calendars().size());
        // This pass, or a poll that ended after it: the dashboard shows the latest.
        assertThat(lastPasses.find(ALICE_GROUP)).get().satisfies(pass -> {
            assertThat(pass.outcome()).isEqualTo("synced");
            assertThat(pass.finished()).isAfterOrEqualTo(asked.truncatedTo(ChronoUnit.MILLIS));
        });
        assertThat(context.getBeansOfType(SyncEngine.class)).as("one engine for every kind of pass").hasSize(1);
    }

    private double manualPasses() {
        return Search.in(registry).name("calsync.sync.duration").tag("trigger", "manual").timers().stream()
                .mapToDouble(t -> t.count()).sum();
    }

    private double lists() {
        return Search.in(registry).name("calsync.api.calls").tag("kind", "list").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
