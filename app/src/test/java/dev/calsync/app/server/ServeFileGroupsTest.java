package dev.calsync.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.config.ConfigException;
import dev.calsync.app.config.ConfigLoader;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.store.JdbcSyncStore;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 2, in {@code serve}: the groups of the file are used under their calendars' own ids, and a file
 * naming one calendar twice does not start the server (nothing is written).
 */
class ServeFileGroupsTest {
    private GoogleCalendarEmulator emulator;
    private MockOAuth2Server oauth;

    @BeforeEach
    void start() {
        emulator = GoogleCalendarEmulator.start(0);
        emulator.addAccount("work", "work-token").addAccount("home", "home-token");
        emulator.addCalendar("work", "me@work.example", "Work", true);
        emulator.addCalendar("home", "me@home.example", "Home", true);
        oauth = new MockOAuth2Server();
        oauth.start();
    }

    @AfterEach
    void stop() {
        oauth.shutdown();
        emulator.close();
    }

    private ServerSettings settings(String calendars) {
        String yaml = "storage: {url: \"jdbc:h2:mem:serve-groups-" + UUID.randomUUID() + "\"}\n"
                + "google: {rootUrl: \"" + emulator.rootUrl() + "\"}\n"
                + "oauth: {issuerUri: \"" + oauth.issuerUrl("google") + "\", clientId: test}\n"
                + "accounts:\n"
                + "  - {id: work, accessToken: work-token}\n"
                + "  - {id: home, accessToken: home-token}\n"
                + "groups:\n"
                + "  - id: me\n    calendars:\n" + calendars;
        CalsyncConfig config = new ConfigLoader(Map.of()).parse(yaml, "serve file groups test");
        return new ServerSettings(config, EncryptionKey.random(), ServerSettings.Mode.SERVE, 0);
    }

    @Test
    void aGroupOfTheFileIsStoredUnderItsCalendarsOwnIds() {
        CalsyncServer server = CalsyncServer.start(settings("""
                      - {account: work, calendar: primary}
                      - {account: home, calendar: me@home.example}
                """), Map.of());
        try {
            JdbcSyncStore store = server.context().getBean(JdbcSyncStore.class);
            assertThat(store.group("me").orElseThrow().calendars()).containsExactly(
                    new CalendarRef("work", "me@work.example"), new CalendarRef("home", "me@home.example"));
        } finally {
            server.stop();
        }
    }

    @Test
    void aFileNamingOneCalendarTwiceDoesNotStartTheServer() {
        assertThatThrownBy(() -> CalsyncServer.start(settings("""
                      - {account: work, calendar: primary}
                      - {account: work, calendar: me@work.example}
                      - {account: home, calendar: me@home.example}
                """), Map.of()).stop())
                .hasRootCauseInstanceOf(ConfigException.class)
                .rootCause().hasMessageContaining("calendars[1]").hasMessageContaining("work/primary")
                .hasMessageContaining("same calendar");
        assertThat(emulator.userListAll("me@home.example", false)).isEmpty();
    }
}
