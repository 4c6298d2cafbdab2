package dev.calsync.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.emulator.graph.GraphEmulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example shipped at the repository root must stay valid and match the emulators' demo seeds. */
class ExampleConfigTest {

    // Surefire runs in the module directory (app/); the example sits one level up.
    private static final Path EXAMPLE = Path.of("..", "calsync.example.yml");

    @Test
    void exampleConfigIsValid() {
        CalsyncConfig config = new ConfigLoader(Map.of()).load(EXAMPLE);

        assertThat(config.groups()).extracting(SyncGroup::id).containsExactly("alice", "bob");
        assertThat(config.google().rootUrl()).isEqualTo("http://127.0.0.1:8089/");
        assertThat(config.microsoft().graphUrl()).isEqualTo("http://127.0.0.1:8089/graph/v1.0/");
    }

    @Test
    void exampleAccountsAndCalendarsExistInTheEmulatorDemoSeed() {
        CalsyncConfig config = new ConfigLoader(Map.of()).load(EXAMPLE);
        try (GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(0);
             GraphEmulator graph = GraphEmulator.mount(emulator.httpServer(), GraphEmulator.DEFAULT_BASE_PATH)) {
            emulator.loadDemoSeed();
            graph.loadDemoSeed();

            config.accounts().forEach(account -> assertThat("microsoft".equals(account.provider())
                    ? graph.tokenOf(account.id()) : emulator.tokenOf(account.id()))
                    .as(account.id()).isEqualTo(account.accessToken()));
            for (SyncGroup group : config.groups()) {
                for (CalendarRef calendar : group.calendars()) {
                    boolean microsoft = config.account(calendar.accountId()).orElseThrow().provider().equals("microsoft");
                    assertThat(microsoft ? graph.calendarIdsOf(calendar.accountId())
                            : emulator.calendarIdsOf(calendar.accountId())).as(calendar.key())
                            .contains(calendar.calendarId());
                }
            }
        }
    }
}
