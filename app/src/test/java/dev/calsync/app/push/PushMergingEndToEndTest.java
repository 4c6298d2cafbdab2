package dev.calsync.app.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.config.ConfigLoader;
import dev.calsync.app.fixtures.EmulatorEvents;
import dev.calsync.app.fixtures.FreePorts;
import dev.calsync.app.fixtures.OidcTestServer;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServerSettings;
import dev.calsync.core.block.BlockIds;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.emulator.push.PushNotifications;
import dev.calsync.store.PushChannelStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code serve} with Google merging notifications: the emulator holds each channel's changes back and sends one
 * notification for all of them when the test says so. A person's change merged with the echo of calsync's own block
 * write is absorbed with it; the echo window's close, filed on db-scheduler, confirms the calendar with one list, so
 * the change still arrives within seconds while polling is an hour apart.
 */
@SpringBootTest(classes = {CalsyncWebApplication.class, PushMergingEndToEndTest.Server.class},
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"logging.level.dev.calsync=WARN", "calsync.push.debounce=300ms", "calsync.push.echo-window=3s",
                "calsync.cluster.plan-interval=2s", "calsync.cluster.failure-retry=1s",
                "calsync.push.secret=" + PushMergingEndToEndTest.SECRET})
@ActiveProfiles("serve")
@AutoConfigureObservability
@AutoConfigureMockMvc
class PushMergingEndToEndTest {
    static final String SECRET = "test-push-secret-merging-0123456789abcdefghij";
    static final int PORT = FreePorts.any();
    static final CalendarRef A = new CalendarRef("m0", "m0-a@push.example");
    static final CalendarRef B = new CalendarRef("m0", "m0-b@push.example");

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @TestConfiguration(proxyBeanMethods = false)
    @Import(OidcTestServer.class)
    static class Server {
        @Bean(destroyMethod = "close")
        GoogleCalendarEmulator emulator() {
            GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(0);
            emulator.addAccount(A.accountId(), "tok-m0");
            emulator.addCalendar(A.accountId(), A.calendarId(), "Calendar a", true);
            emulator.addCalendar(B.accountId(), B.calendarId(), "Calendar b", false);
            return emulator;
        }

        @Bean
        ServerSettings serverSettings(GoogleCalendarEmulator emulator, MockOAuth2Server oauth) {
            String yaml = "storage: {url: \"jdbc:h2:mem:push-merging-" + UUID.randomUUID() + "\"}\n"
                    + "google: {rootUrl: \"" + emulator.rootUrl() + "\"}\n"
                    + "sync: {pollInterval: 1h}\n"
                    + "push: {publicUrl: \"http://127.0.0.1:" + PORT + "/\"}\n"
                    + "oauth: {issuerUri: \"" + oauth.issuerUrl("google") + "\", clientId: test}\n"
                    + "accounts:\n  - {id: m0, accessToken: tok-m0, owner: m0}\n"
                    + "groups:\n  - id: gm\n    owner: m0\n    calendars:\n"
                    + "      - {account: m0, calendar: \"" + A.calendarId() + "\"}\n"
                    + "      - {account: m0, calendar: \"" + B.calendarId() + "\"}\n";
            CalsyncConfig config = new ConfigLoader(Map.of()).parse(yaml, "push merging test");
            return new ServerSettings(config, EncryptionKey.random(), ServerSettings.Mode.SERVE, PORT);
        }
    }

    @Autowired
    GoogleCalendarEmulator emulator;
    @Autowired
    MeterRegistry registry;
    @Autowired
    PushChannelStore channels;
    @Autowired
    MockMvc mvc;

    @Test
    void aPersonsChangeMergedWithAnEchoIsConfirmedAtTheEndOfTheEchoWindowAndTheDashboardSaysSo() throws Exception {
        await().atMost(Duration.ofSeconds(90)).until(() -> emulator.notifications().activeChannels() == 2
                && channels.all().stream().filter(c -> !c.pending()).count() == 2
                && meters().timed("calsync.sync.duration", "trigger", "poll") >= 2);
        PushNotifications notifications = emulator.notifications();
        notifications.setMergeWindow(Duration.ofMillis(1));
        double polls = meters().timed("calsync.sync.duration", "trigger", "poll");

        // Two block writes on b, one notification for both: b's notifications merge, and calsync learns it.
        double pushes = meters().timed("calsync.sync.duration", "trigger", "push");
        String first = insert(A, 2);
        String second = insert(A, 3);
        deliverMerged();
        awaitBlock(first, A, B);
        awaitBlock(second, A, B);
        double absorbed = meters().counted("calsync.push.notifications.received", "result", "absorbed");
        deliverMerged();
        await().atMost(Duration.ofSeconds(30)).until(() -> meters().counted("calsync.push.echo.confirmations") >= 1);
        assertThat(meters().counted("calsync.push.notifications.received", "result", "absorbed") - absorbed)
                .as("one notification for two echoes").isEqualTo(1);
        assertThat(channels.mergingCalendars()).isEqualTo(1);
        // a's notified pass, then the confirming pass of b, which finds nothing new: it is done before going on.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                meters().timed("calsync.sync.duration", "trigger", "push") - pushes >= 2);

        // Now a person's change on b merged with the echo of the block written there: absorbed, then confirmed.
        String third = insert(A, 4);
        deliverMerged();
        awaitBlock(third, A, B);
        String hidden = insert(B, 5);
        double absorbedBefore = meters().counted("calsync.push.notifications.received", "result", "absorbed");
        deliverMerged();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                meters().counted("calsync.push.notifications.received", "result", "absorbed") - absorbedBefore == 1);
        awaitBlock(hidden, B, A);

        assertThat(meters().counted("calsync.push.echo.confirmations")).isGreaterThanOrEqualTo(2);
        assertThat(meters().timed("calsync.sync.duration", "trigger", "poll")).as("no poll ran").isEqualTo(polls);
        assertThat(notifications.merged()).isGreaterThanOrEqualTo(3);

        // The owner sees which calendars push serves, and that b's notifications merge.
        String dashboard = mvc.perform(get("/dashboard").with(oidcLogin().idToken(token -> token.subject("m0"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(changesCell(dashboard, B)).contains("push", "channel until").contains("notifications merge");
        assertThat(changesCell(dashboard, A)).contains("push", "channel until").doesNotContain("notifications merge");
    }

    /** The "Changes" cell of a calendar's row in the group's status table. */
    private static String changesCell(String page, CalendarRef calendar) {
        String row = java.util.Arrays.stream(page.split("<tr"))
                .filter(r -> r.contains(calendar.calendarId()) && r.contains("data-label=\"Changes\""))
                .findFirst().orElseThrow(() -> new AssertionError("no status row of " + calendar.calendarId()));
        int cell = row.indexOf("data-label=\"Changes\"");
        return row.substring(cell, row.indexOf("</td>", cell));
    }

    private String insert(CalendarRef calendar, int inDays) {
        return emulator.userInsert(calendar.calendarId(), EmulatorEvents.meeting(
                Instant.now().plus(Duration.ofDays(inDays)), "change in " + inDays + " days")).get("id").asText();
    }

    /** Sends what the emulator held back, as Google does when its merge window ends. */
    private void deliverMerged() {
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            emulator.notifications().deliverDue();
            return emulator.notifications().nextMergedDue() == null;
        });
    }

    private void awaitBlock(String eventId, CalendarRef source, CalendarRef target) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() ->
                emulator.userGet(target.calendarId(), BlockIds.of("gm", source, eventId, target)) != null);
    }

    private Meters meters() {
        return new Meters(registry);
    }
}
