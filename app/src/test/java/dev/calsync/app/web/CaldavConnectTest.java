package dev.calsync.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.calsync.app.fixtures.FreePorts;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServeTestConfig;
import dev.calsync.caldav.RadicaleServer;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * "Connect a CalDAV account" against a real Radicale that checks passwords: a good login is stored encrypted and
 * its calendars are offered for groups; a wrong password, an unreachable server or bad input gives the form back
 * with the reason and stores nothing; nobody else sees the account.
 */
@SpringBootTest(classes = {CalsyncWebApplication.class, ServeTestConfig.class})
@ActiveProfiles("serve")
@AutoConfigureMockMvc
class CaldavConnectTest {
    private static final Map<String, String> LOGINS = Map.of("carol", "carol-app-secret", "erin", "erin-app-secret");

    private static RadicaleServer radicale;
    private static URI carolsHome;

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountStore accounts;
    @Autowired
    CalendarProvider provider;
    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void startRadicale() throws Exception {
        radicale = RadicaleServer.startWithLogins(LOGINS);
        carolsHome = radicale.calendar("carol", "home");
        radicale.calendar("erin", "home");
    }

    @AfterAll
    static void stopRadicale() throws Exception {
        if (radicale != null) {
            radicale.close();
        }
    }

    private static RequestPostProcessor person(String subject) {
        return oidcLogin().idToken(token -> token.subject(subject).claim("email", subject + "@example.com"));
    }

    private String connect(String subject, String url, String username, String password, int expectedStatus)
            throws Exception {
        return mvc.perform(post("/accounts/caldav").with(person(subject)).with(csrf())
                        .param("url", url).param("username", username).param("password", password))
                .andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aGoodLoginIsStoredAndItsCalendarsAreOfferedForGroups() throws Exception {
        connect("carol-subject", radicale.root().toString(), "carol", "carol-app-secret", 302);

        assertThat(accounts.listByOwner("carol-subject")).singleElement().satisfies(account -> {
            assertThat(account.provider()).isEqualTo("caldav");
            assertThat(account.email()).isEqualTo("carol");
            assertThat(provider.listCalendars(account.id())).extracting(CalendarInfo::id)
                    .containsExactly(carolsHome.getRawPath());
        });
        String groupForm = mvc.perform(get("/groups/new").with(person("carol-subject"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(groupForm).contains(carolsHome.getRawPath()).doesNotContain("carol-app-secret");
        String accountsPage = mvc.perform(get("/accounts").with(person("carol-subject")))
                .andReturn().getResponse().getContentAsString();
        assertThat(accountsPage).contains("carol").doesNotContain("carol-app-secret");
    }

    @Test
    void theStoredRowHoldsTheLoginEncryptedNotThePassword() throws Exception {
        connect("frank-subject", radicale.root().toString(), "erin", "erin-app-secret", 302);
        Account account = accounts.listByOwner("frank-subject").get(0);

        byte[] stored = new JdbcTemplate(dataSource).queryForObject(
                "SELECT encrypted_credentials FROM accounts WHERE id = ?", byte[].class, account.id());
        String raw = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("erin-app-secret").doesNotContain(radicale.root().getAuthority());
        assertThat(stored.length).isGreaterThan("erin-app-secret".length());
    }

    @Test
    void aWrongPasswordGivesTheFormBackAndStoresNothing() throws Exception {
        String page = connect("erin-subject", radicale.root().toString(), "erin", "not-her-password", 200);

        assertThat(page).contains("refused this username and password").contains("value=\"erin\"")
                .doesNotContain("not-her-password");
        assertThat(accounts.listByOwner("erin-subject")).isEmpty();
    }

    @Test
    void anUnreachableServerGivesTheFormBackAndStoresNothing() throws Exception {
        String page = connect("gina-subject", "http://127.0.0.1:" + FreePorts.any() + "/", "erin",
                "erin-app-secret", 200);

        assertThat(page).contains("could not be reached");
        assertThat(accounts.listByOwner("gina-subject")).isEmpty();
    }

    @Test
    void badInputIsNamedPerFieldAndStoresNothing() throws Exception {
        String page = connect("hank-subject", "ftp://" + radicale.root().getAuthority() + "/", "", "x".repeat(1001),
                200);

        assertThat(page).contains("an http:// or https:// address").contains("Username is required.")
                .contains("at most 1000 characters");
        assertThat(accounts.listByOwner("hank-subject")).isEmpty();
    }

    @Test
    void withoutTheCsrfTokenTheFormIsRefused() throws Exception {
        mvc.perform(post("/accounts/caldav").with(person("ivan-subject")).param("url", radicale.root().toString())
                .param("username", "erin").param("password", "erin-app-secret")).andExpect(status().isForbidden());
        assertThat(accounts.listByOwner("ivan-subject")).isEmpty();
    }

    @Test
    void anotherPersonSeesNothingOfTheAccount() throws Exception {
        connect("judy-subject", radicale.root().toString(), "carol", "carol-app-secret", 302);
        Account judys = accounts.listByOwner("judy-subject").get(0);

        for (String page : new String[] {"/accounts", "/groups/new"}) {
            String html = mvc.perform(get(page).with(person("kim-subject"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).doesNotContain(judys.id()).doesNotContain(carolsHome.getRawPath());
        }
        mvc.perform(post("/groups").with(person("kim-subject")).with(csrf()).param("name", "stolen")
                        .param("calendars", judys.id() + "/" + carolsHome.getRawPath())
                        .param("calendars", judys.id() + "/" + carolsHome.getRawPath())
                        .param("busyTitle", "Busy").param("pastDays", "30").param("futureDays", "90")
                        .param("mode", "incremental").param("manualEdits", "restore"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theFormCarriesACsrfTokenAndNeedsSignIn() throws Exception {
        mvc.perform(get("/accounts/caldav")).andExpect(status().is3xxRedirection());
        String form = mvc.perform(get("/accounts/caldav").with(person("lee-subject"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"_csrf\"").contains("name=\"password\"");
        String accountsPage = mvc.perform(get("/accounts").with(person("lee-subject")))
                .andReturn().getResponse().getContentAsString();
        assertThat(accountsPage).contains("/accounts/caldav");
    }
}
