package dev.calsync.app.server;

import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.config.ConfigLoader;
import dev.calsync.app.config.GoogleConfig;
import dev.calsync.app.config.OAuthConfig;
import dev.calsync.app.config.StorageConfig;
import dev.calsync.app.config.SyncConfig;
import dev.calsync.app.fixtures.OidcTestServer;
import dev.calsync.core.group.SyncMode;
import dev.calsync.emulator.GoogleCalendarEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A {@code serve} application for Spring tests: an in-memory H2 database, the emulator with the demo seed as Google,
 * and mock-oauth2-server as the OpenID Connect issuer (its discovery document is read at startup, as in production).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(OidcTestServer.class)
public class ServeTestConfig {

    public static final String ISSUER_ID = "google";

    @Bean(destroyMethod = "close")
    GoogleCalendarEmulator emulator() {
        GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(0);
        emulator.loadDemoSeed();
        return emulator;
    }

    @Bean
    ServerSettings serverSettings(GoogleCalendarEmulator emulator, MockOAuth2Server oauthServer) {
        return serveSettings(emulator, oauthServer.issuerUrl(ISSUER_ID).toString(), null, 0);
    }

    /** Settings as {@code serve} builds them from a file, pointing at the emulator and an OIDC test issuer. */
    public static ServerSettings serveSettings(GoogleCalendarEmulator emulator, String issuer, String tokenUri,
                                               int port) {
        CalsyncConfig defaults = new ConfigLoader(Map.of()).defaults();
        CalsyncConfig config = new CalsyncConfig(
                new StorageConfig("jdbc:h2:mem:calsync-" + UUID.randomUUID(), null, null),
                new GoogleConfig(emulator.rootUrl()),
                new SyncConfig(SyncMode.INCREMENTAL, Duration.ofMinutes(5)),
                defaults.push(), List.of(), List.of(),
                new OAuthConfig(issuer, "calsync-test-client", "calsync-test-secret", null, tokenUri));
        return new ServerSettings(config, EncryptionKey.random(), ServerSettings.Mode.SERVE, port);
    }
}
