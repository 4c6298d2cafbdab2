package dev.calsync.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.config.ConfigLoader;
import dev.calsync.app.config.GoogleConfig;
import dev.calsync.app.config.MicrosoftConfig;
import dev.calsync.app.config.OAuthConfig;
import dev.calsync.app.config.StorageConfig;
import dev.calsync.app.config.SyncConfig;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServerSettings;
import dev.calsync.core.group.SyncMode;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.emulator.graph.GraphEmulator;
import dev.calsync.store.AccountStore;
import dev.calsync.store.JdbcSyncStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** {@code demo}: marked demo sign-in for alice and bob, their accounts and groups ready, blocks written. */
@SpringBootTest(classes = {CalsyncWebApplication.class, DemoModeTest.DemoConfig.class},
        properties = "logging.level.dev.calsync=WARN")
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class DemoModeTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class DemoConfig {
        @Bean(destroyMethod = "close")
        GoogleCalendarEmulator demoEmulator() {
            GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(0);
            emulator.loadDemoSeed();
            return emulator;
        }

        @Bean(destroyMethod = "close")
        GraphEmulator demoGraph(GoogleCalendarEmulator emulator) {
            GraphEmulator graph = GraphEmulator.mount(emulator.httpServer(), GraphEmulator.DEFAULT_BASE_PATH);
            graph.loadDemoSeed();
            return graph;
        }

        @Bean
        ServerSettings serverSettings(GoogleCalendarEmulator emulator, GraphEmulator graph) {
            CalsyncConfig defaults = new ConfigLoader(Map.of()).defaults();
            return new ServerSettings(new CalsyncConfig(
                    new StorageConfig("jdbc:h2:mem:demo-" + UUID.randomUUID(), null, null),
                    new GoogleConfig(emulator.rootUrl()), new SyncConfig(SyncMode.INCREMENTAL, Duration.ofSeconds(20)),
                    defaults.push(), List.of(), List.of(), OAuthConfig.DEFAULTS, new MicrosoftConfig(graph.graphUrl())),
                    EncryptionKey.random(), ServerSettings.Mode.DEMO, 0);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcSyncStore store;
    @Autowired
    AccountStore accounts;
    @Autowired
    DemoChangeGenerator changes;
    @Autowired
    GraphEmulator graph;

    @Test
    void theDemoSignInIsMarkedDemoOnly() throws Exception {
        String page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("DEMO ONLY").contains("Sign in as alice").contains("Sign in as bob");
    }

    @Test
    void sampleUsersSignInAndTheSessionIdChanges() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        mvc.perform(formLogin("/login").user("alice").password(DemoUsers.PASSWORD)).andExpect(authenticated());
        MvcResult result = mvc.perform(post("/login").param("username", "bob")
                .param("password", DemoUsers.PASSWORD).with(csrf()).session(session))
                .andExpect(authenticated()).andReturn();
        assertThat(((MockHttpSession) result.getRequest().getSession()).getId()).isNotEqualTo(before);
        mvc.perform(formLogin("/login").user("alice").password("wrong")).andExpect(unauthenticated());
    }

    @Test
    void eachSampleUserHasTheirAccountsAndAGroupWhoseBlocksGetWritten() throws Exception {
        assertThat(accounts.listByOwner("alice")).extracting(a -> a.id())
                .containsExactly("alice-home", "alice-m365", "alice-work");
        assertThat(accounts.listByOwner("bob")).extracting(a -> a.id()).containsExactly("bob-home", "bob-work");
        await().atMost(Duration.ofSeconds(30)).until(() -> store.blocks(DemoSetup.groupIdOf("alice")).size() > 0
                && store.blocks(DemoSetup.groupIdOf("bob")).size() > 0);
        MvcResult login = mvc.perform(formLogin("/login").user("alice").password(DemoUsers.PASSWORD)).andReturn();
        String dashboard = mvc.perform(get("/dashboard")
                        .session((MockHttpSession) login.getRequest().getSession()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dashboard).contains("alice-calendars").doesNotContain("bob-calendars");
    }

    @Test
    void alicesGroupMirrorsHerMicrosoft365CalendarWithHerGoogleCalendarsBothWays() {
        String outlook = graph.calendarIdsOf("alice-m365").get(0);
        assertThat(store.group(DemoSetup.groupIdOf("alice"))).get()
                .satisfies(g -> assertThat(g.calendars()).extracting(c -> c.accountId()).contains("alice-m365"));
        // Blocks of the seed's Google meetings on Outlook, and of the Outlook meetings on the Google calendars.
        await().atMost(Duration.ofSeconds(30)).until(() -> store.blocks(DemoSetup.groupIdOf("alice")).stream()
                .anyMatch(b -> b.target().accountId().equals("alice-m365"))
                && store.blocks(DemoSetup.groupIdOf("alice")).stream()
                .anyMatch(b -> b.sourceCalendar().startsWith("alice-m365/")));
        assertThat(graph.userCalendarView(outlook, java.time.Instant.now().minus(Duration.ofDays(30)),
                java.time.Instant.now().plus(Duration.ofDays(90))))
                .anyMatch(e -> e.path("subject").asText().equals("Busy"));
    }

    @Test
    void theGeneratorMakesARealisticChange() {
        String change = changes.change();
        assertThat(change).matches("(new meeting|moved|cancelled|declined) .*");
    }
}
