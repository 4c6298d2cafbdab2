package dev.calsync.app.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import static org.awaitility.Awaitility.await;

import dev.calsync.app.accounts.ConnectedAccounts;
import dev.calsync.app.schedule.GroupSyncRunner;
import dev.calsync.app.schedule.SyncOrder;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.store.JdbcSyncStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Alice and Bob, each with their two emulator accounts connected and one group of both calendars. */
final class TwoUsers {

    static final String ALICE = "alice-subject";
    static final String BOB = "bob-subject";
    static final String ALICE_GROUP = "alice-group";
    static final String BOB_GROUP = "bob-group";
    static final String ALICE_WORK = "alice-work/alice@work.example";
    static final String ALICE_HOME = "alice-home/alice@personal.example";
    static final String BOB_WORK = "bob-work/bob@work.example";
    static final String BOB_HOME = "bob-home/bob@personal.example";

    private TwoUsers() {
    }

    static void connect(GoogleCalendarEmulator emulator, ConnectedAccounts accounts, JdbcSyncStore store) {
        for (String account : List.of("alice-work", "alice-home", "bob-work", "bob-home")) {
            String calendar = emulator.calendarIdsOf(account).get(0);
            String owner = account.startsWith("alice") ? ALICE : BOB;
            accounts.connectWithToken(account, owner, calendar, calendar, emulator.tokenOf(account));
        }
        store.saveGroup(group(ALICE_GROUP, ALICE, ALICE_WORK, ALICE_HOME));
        store.saveGroup(group(BOB_GROUP, BOB, BOB_WORK, BOB_HOME));
    }

    /** Connects them unless an earlier test of the shared context did (and left alice's group whole). */
    static void ensure(GoogleCalendarEmulator emulator, ConnectedAccounts accounts, JdbcSyncStore store) {
        if (store.group(ALICE_GROUP).isEmpty() || store.group(ALICE_GROUP).get().calendars().size() != 2) {
            connect(emulator, accounts, store);
        }
    }

    /**
     * One pass of {@code order}'s group that ran: the context's scheduled polls of the same group may hold its lease
     * for a moment, so it is asked again until it is not refused for that.
     */
    static GroupReport passThatRan(GroupSyncRunner runner, SyncOrder order) {
        AtomicReference<GroupReport> report = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            report.set(runner.run(order).orElseThrow());
            return report.get().outcome() != GroupReport.Outcome.LEASE_HELD;
        });
        return report.get();
    }

    static SyncGroup group(String id, String owner, String... calendars) {
        return new SyncGroup(id, owner, "Busy", null, null, null, java.util.Arrays.stream(calendars)
                .map(key -> new CalendarRef(key.substring(0, key.indexOf('/')), key.substring(key.indexOf('/') + 1)))
                .toList());
    }

    static RequestPostProcessor alice() {
        return oidcLogin().idToken(token -> token.subject(ALICE).claim("email", "alice@example.com"));
    }

    static RequestPostProcessor bob() {
        return oidcLogin().idToken(token -> token.subject(BOB).claim("email", "bob@example.com"));
    }
}
