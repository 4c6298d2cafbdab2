package dev.calsync.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.calsync.app.accounts.AccountAccessTokens;
import dev.calsync.app.accounts.AccountPauses;
import dev.calsync.app.accounts.CredentialCipher;
import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.accounts.OAuthCredentials;
import dev.calsync.app.accounts.TokenEndpoint;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import dev.calsync.store.Databases;
import dev.calsync.store.JdbcSyncStore;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Access tokens are renewed before they expire, through the token endpoint; a refresh answered invalid_grant marks
 * the account "reconnect needed" and pauses its groups without deleting anything.
 */
class TokenRefreshTest {

    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<String> lastForm = new AtomicReference<>();
    private final AtomicReference<String> lastPath = new AtomicReference<>();
    private HttpServer tokenServer;
    private HikariDataSource dataSource;
    private AccountStore accounts;
    private JdbcSyncStore store;
    private CredentialCipher cipher;
    private AccountAccessTokens tokens;

    @BeforeEach
    void setUp() throws IOException {
        tokenServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tokenServer.createContext("/", exchange -> {
            lastPath.set(exchange.getRequestURI().getPath());
            lastForm.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String body = answer.get();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body.contains("\"error\"") ? 400 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        tokenServer.start();
        dataSource = Databases.open("jdbc:h2:mem:refresh-" + UUID.randomUUID(), null, null);
        accounts = new AccountStore(dataSource);
        store = new JdbcSyncStore(dataSource);
        cipher = new CredentialCipher(EncryptionKey.random());
        TokenEndpoint endpoint = new TokenEndpoint(
                URI.create("http://127.0.0.1:" + tokenServer.getAddress().getPort() + "/token"), "client", "secret",
                Clock.systemUTC());
        tokens = new AccountAccessTokens(accounts, cipher, Map.of("google", endpoint), new AccountPauses(accounts, store),
                Clock.systemUTC(), Map.of());
        store.saveGroup(new SyncGroup("g1", "alice", null, null, null, null,
                List.of(new CalendarRef("acc", "a@example.com"), new CalendarRef("other", "b@example.com"))));
    }

    @AfterEach
    void tearDown() {
        tokenServer.stop(0);
        dataSource.close();
    }

    private void connect(Instant expiresAt) {
        accounts.save(new Account("acc", "alice", "google", "A", "a@example.com",
                cipher.encrypt("acc", new OAuthCredentials("old-access", "the-refresh", expiresAt, null)),
                AccountStatus.ACTIVE));
    }

    @Test
    void aTokenAboutToExpireIsRenewedFirstAndTheRenewalIsStoredEncrypted() {
        connect(Instant.now().plusSeconds(30));
        answer.set("{\"access_token\":\"new-access\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");

        assertThat(tokens.accessToken("acc")).isEqualTo("new-access");
        assertThat(lastForm.get()).contains("grant_type=refresh_token").contains("refresh_token=the-refresh");
        OAuthCredentials stored = cipher.decrypt("acc", accounts.find("acc").orElseThrow().encryptedCredentials());
        assertThat(stored.accessToken()).isEqualTo("new-access");
        assertThat(stored.refreshToken()).isEqualTo("the-refresh");
    }

    @Test
    void eachProvidersAccountsAreRenewedAtTheirOwnTokenEndpoint() {
        URI server = URI.create("http://127.0.0.1:" + tokenServer.getAddress().getPort());
        AccountAccessTokens both = new AccountAccessTokens(accounts, cipher, Map.of(
                "google", new TokenEndpoint(server.resolve("/google/token"), "g-client", "g-secret", Clock.systemUTC()),
                "microsoft", new TokenEndpoint(server.resolve("/microsoft/token"), "m-client", "m-secret",
                        "offline_access Calendars.ReadWrite", Clock.systemUTC())),
                new AccountPauses(accounts, store), Clock.systemUTC(), Map.of());
        accounts.save(new Account("ms", "alice", "microsoft", "A", "a@contoso.example",
                cipher.encrypt("ms", new OAuthCredentials("old-access", "ms-refresh", Instant.now().plusSeconds(30),
                        null)), AccountStatus.ACTIVE));
        // Microsoft hands out a new refresh token with each renewal: it replaces the old one.
        answer.set("{\"access_token\":\"ms-access\",\"refresh_token\":\"ms-refresh-2\",\"expires_in\":3600}");

        assertThat(both.accessToken("ms")).isEqualTo("ms-access");
        assertThat(lastPath.get()).isEqualTo("/microsoft/token");
        assertThat(lastForm.get()).contains("refresh_token=ms-refresh")
                .contains("scope=offline_access+Calendars.ReadWrite");
        assertThat(cipher.decrypt("ms", accounts.find("ms").orElseThrow().encryptedCredentials()).refreshToken())
                .isEqualTo("ms-refresh-2");

        connect(Instant.now().plusSeconds(30));
        answer.set("{\"access_token\":\"g-access\",\"expires_in\":3600}");
        assertThat(both.accessToken("acc")).isEqualTo("g-access");
        assertThat(lastPath.get()).isEqualTo("/google/token");
        assertThat(lastForm.get()).doesNotContain("scope=");
    }

    @Test
    void aValidTokenIsUsedWithoutCallingTheTokenEndpoint() {
        connect(Instant.now().plusSeconds(3600));
        assertThat(tokens.accessToken("acc")).isEqualTo("old-access");
        assertThat(lastForm.get()).isNull();
    }

    @Test
    void invalidGrantMarksTheAccountAndPausesItsGroupsWithoutDeletingThem() {
        connect(Instant.now().plusSeconds(3600));
        answer.set("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");

        assertThat(tokens.refresh("acc")).isFalse();

        assertThat(accounts.find("acc").orElseThrow().status()).isEqualTo(AccountStatus.RECONNECT_NEEDED);
        assertThat(store.isPaused("g1")).isTrue();
        assertThat(store.group("g1")).isPresent();
        assertThat(accounts.find("acc").orElseThrow().encryptedCredentials()).isNotNull();
        assertThatThrownBy(() -> tokens.accessToken("acc")).isInstanceOf(ProviderException.class)
                .hasMessageContaining("reconnect needed");
    }

    @Test
    void anOutageOfTheTokenEndpointIsTransientAndPausesNothing() {
        connect(Instant.now().plusSeconds(3600));
        answer.set("{\"error\":\"temporarily_unavailable\"}");

        assertThatThrownBy(() -> tokens.refresh("acc")).isInstanceOf(ProviderException.class)
                .extracting(e -> ((ProviderException) e).kind()).isEqualTo(ProviderException.Kind.TRANSIENT);
        assertThat(accounts.find("acc").orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(store.isPaused("g1")).isFalse();
    }
}
