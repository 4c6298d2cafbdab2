package dev.calsync.app.demo;

import dev.calsync.app.accounts.ConnectedAccounts;
import dev.calsync.app.assembly.ProviderAssembly;
import dev.calsync.app.schedule.SyncScheduler;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.emulator.graph.GraphEmulator;
import dev.calsync.store.JdbcSyncStore;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prepares the demo once the server is up: each sample person's emulator accounts (Google and Microsoft 365)
 * connected with their emulator tokens, one group of their calendars, and a first pass queued so the dashboard shows
 * blocks at once.
 */
@Component
@Profile("demo")
public class DemoSetup {

    private final GoogleCalendarEmulator emulator;
    private final GraphEmulator graph;
    private final ConnectedAccounts accounts;
    private final JdbcSyncStore store;
    private final SyncScheduler scheduler;

    public DemoSetup(GoogleCalendarEmulator emulator, GraphEmulator graph, ConnectedAccounts accounts,
                     JdbcSyncStore store, SyncScheduler scheduler) {
        this.emulator = emulator;
        this.graph = graph;
        this.accounts = accounts;
        this.store = store;
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void prepare() {
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            List<CalendarRef> calendars = new ArrayList<>();
            for (String account : user.accounts()) {
                String calendar = emulator.calendarIdsOf(account).get(0);
                accounts.connectWithToken(account, user.name(), calendar, calendar, emulator.tokenOf(account));
                emulator.calendarIdsOf(account).forEach(id -> calendars.add(new CalendarRef(account, id)));
            }
            for (String mailbox : user.microsoftAccounts()) {
                String calendar = graph.calendarIdsOf(mailbox).get(0);
                var box = graph.mailboxes().byId(mailbox);
                accounts.connectWithToken(mailbox, ProviderAssembly.MICROSOFT, user.name(), box.displayName(),
                        box.address(), box.token());
                calendars.add(new CalendarRef(mailbox, calendar));
            }
            String groupId = groupIdOf(user.name());
            if (store.group(groupId).isEmpty()) {
                store.saveGroup(new SyncGroup(groupId, user.name(), "Busy", null, null, null, calendars));
            }
            scheduler.requestSync(groupId, false);
        }
    }

    public static String groupIdOf(String user) {
        return user + "-calendars";
    }
}
