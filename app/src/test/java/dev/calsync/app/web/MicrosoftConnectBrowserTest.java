package dev.calsync.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.app.accounts.AccountAccessTokens;
import dev.calsync.app.accounts.ConnectFlow;
import dev.calsync.app.accounts.CredentialCipher;
import dev.calsync.app.accounts.OAuthCredentials;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.config.MicrosoftConfig;
import dev.calsync.app.fixtures.HeadlessChromium;
import dev.calsync.app.server.CalsyncServer;
import dev.calsync.app.server.ServeTestConfig;
import dev.calsync.app.server.ServerSettings;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.emulator.graph.GraphEmulator;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * "Connect a Microsoft account" in headless Chromium, as a person does it: signed in, the accounts page's button
 * goes through the identity platform's authorization-code flow with PKCE (mock-oauth2-server behind the authority
 * URL; the Graph emulator is Microsoft Graph), and the mailbox's calendars are then offered for a group. Its tokens
 * are stored encrypted and renewed at Microsoft's token endpoint; a renewal refused with {@code invalid_grant} asks
 * for a reconnect, which the accounts page offers through the same flow.
 */
class MicrosoftConnectBrowserTest {

    private static final String MAILBOX = "m365";
    private static final String MAILBOX_TOKEN = "m365-graph-token";

    private GoogleCalendarEmulator google;
    private GraphEmulator graph;
    private MockOAuth2Server oauth;
    private GraphTokenBridge identityPlatform;
    private CalsyncServer server;
    private WebDriver browser;
    private String base;

    @BeforeEach
    void start(@TempDir Path profile) throws IOException {
        HeadlessChromium.assumeInstalled();
        google = GoogleCalendarEmulator.start(0);
        google.loadDemoSeed();
        graph = GraphEmulator.mount(google.httpServer(), GraphEmulator.DEFAULT_BASE_PATH);
        graph.addMailbox(MAILBOX, MAILBOX_TOKEN, "Alice Contoso", "alice@contoso.example", "Europe/Berlin");
        graph.addCalendar(MAILBOX, "Calendar", true);
        graph.addCalendar(MAILBOX, "Team", false);
        // Interactive login: the mock server shows a form where the browser types who it is.
        oauth = new MockOAuth2Server(new OAuth2Config(true));
        oauth.start();
        identityPlatform = new GraphTokenBridge(oauth.authorizationEndpointUrl("microsoft").uri(),
                oauth.tokenEndpointUrl("microsoft").uri(), graph);
        ServerSettings serve = ServeTestConfig.serveSettings(google,
                oauth.issuerUrl(ServeTestConfig.ISSUER_ID).toString(), null, 0);
        CalsyncConfig c = serve.config();
        CalsyncConfig config = new CalsyncConfig(c.storage(), c.google(), c.sync(), c.push(), c.accounts(),
                c.groups(), c.oauth(), new MicrosoftConfig(graph.graphUrl(), "calsync-ms-client", "calsync-ms-secret",
                        "common", identityPlatform.authorityUrl()));
        server = CalsyncServer.start(new ServerSettings(config, serve.encryptionKey(), serve.mode(), 0), Map.of());
        base = "http://localhost:" + server.port();

        browser = HeadlessChromium.start(profile);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (identityPlatform != null) {
            identityPlatform.close();
        }
        if (oauth != null) {
            oauth.shutdown();
        }
        if (graph != null) {
            graph.close();
        }
        if (google != null) {
            google.close();
        }
    }

    @Test
    void connectAMicrosoftAccountUseItsCalendarsRenewItsTokenAndReconnectAfterInvalidGrant() {
        browser.get(base + "/dashboard");
        browser.findElement(By.linkText("Sign in with Google")).click();
        signInAtOAuthServer("alice");

        connectMicrosoftAccount();
        assertThat(flash()).contains("Connected alice@contoso.example");

        // The authorization request: our client, PKCE with S256, the two scopes and nothing more, our callback.
        Map<String, String> authorization = identityPlatform.authorizations().get(0);
        assertThat(authorization).containsEntry("client_id", "calsync-ms-client")
                .containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
                .containsEntry("scope", "offline_access Calendars.ReadWrite")
                .containsEntry("redirect_uri", base + "/accounts/connect/microsoft/callback")
                .containsKey("code_challenge").containsKey("state");
        Map<String, String> redemption = identityPlatform.tokenRequests().get(0);
        assertThat(redemption).containsEntry("grant_type", "authorization_code").containsKey("code_verifier")
                .containsEntry("scope", ConnectFlow.MICROSOFT_SCOPES);

        // The account, with the mailbox's address, its tokens encrypted at rest.
        AccountStore accounts = bean(AccountStore.class);
        List<Account> alices = accounts.listByOwner("alice");
        assertThat(alices).hasSize(1);
        Account account = alices.get(0);
        assertThat(account.provider()).isEqualTo("microsoft");
        assertThat(account.email()).isEqualTo("alice@contoso.example");
        assertThat(new String(account.encryptedCredentials(), StandardCharsets.ISO_8859_1)).doesNotContain(MAILBOX_TOKEN);
        OAuthCredentials stored = bean(CredentialCipher.class).decrypt(account.id(), account.encryptedCredentials());
        assertThat(stored.accessToken()).isEqualTo(MAILBOX_TOKEN);
        assertThat(stored.renewable()).isTrue();

        // Its calendars come from Graph with the stored token, offered for a new group.
        browser.findElement(By.linkText("New group")).click();
        assertThat(browser.findElements(By.name("calendars"))).extracting(WebElement::getAccessibleName)
                .anySatisfy(name -> assertThat(name).contains("Calendar"))
                .anySatisfy(name -> assertThat(name).contains("Team"));

        // Renewed at Microsoft's token endpoint, with the scopes again (Microsoft wants them on refreshes).
        AccountAccessTokens tokens = bean(AccountAccessTokens.class);
        assertThat(tokens.refresh(account.id())).isTrue();
        assertThat(identityPlatform.tokenRequests()).last().satisfies(refresh -> assertThat(refresh)
                .containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", stored.refreshToken())
                .containsEntry("scope", ConnectFlow.MICROSOFT_SCOPES));

        // A revoked grant: the account asks for a reconnect, and the accounts page offers Microsoft's flow.
        identityPlatform.refuseRefreshes();
        assertThat(tokens.refresh(account.id())).isFalse();
        assertThat(accounts.find(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.RECONNECT_NEEDED);
        browser.findElement(By.linkText("Accounts")).click();
        assertThat(browser.findElement(By.cssSelector("tbody")).getText()).contains("reconnect needed");
        browser.findElement(By.cssSelector("tbody")).findElement(By.linkText("Reconnect")).click();
        signInAtOAuthServer(MAILBOX);
        assertThat(flash()).contains("Connected alice@contoso.example");
        assertThat(accounts.find(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(identityPlatform.authorizations()).hasSize(2);
    }

    private <T> T bean(Class<T> type) {
        return server.context().getBean(type);
    }

    private void connectMicrosoftAccount() {
        browser.findElement(By.linkText("Accounts")).click();
        browser.findElement(By.linkText("Connect a Microsoft account")).click();
        signInAtOAuthServer(MAILBOX);
    }

    private void signInAtOAuthServer(String subject) {
        WebElement username = browser.findElement(By.name("username"));
        username.sendKeys(subject);
        username.submit();
    }

    private String flash() {
        return browser.findElement(By.cssSelector(".flash")).getText();
    }
}
