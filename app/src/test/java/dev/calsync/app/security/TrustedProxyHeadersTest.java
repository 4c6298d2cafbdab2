package dev.calsync.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.app.fixtures.RawHttp;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServeTestConfig;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The test's peer is the operator's proxy: its forwarded headers name the client, the scheme and the host. */
@SpringBootTest(classes = {CalsyncWebApplication.class, ServeTestConfig.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.dev.calsync=WARN", "calsync.trusted-proxies=127.0.0.0/8, ::1"})
@ActiveProfiles("serve")
class TrustedProxyHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void httpsThroughTheProxyMakesTheSessionCookieSecureAndRedirectsUseTheProxysHost() {
        HttpResponse<String> answer = new RawHttp(port).get("/dashboard", "X-Forwarded-Host", "calsync.example",
                "X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.1");
        assertThat(answer.headers().firstValue("Location")).hasValue("https://calsync.example/login");
        assertThat(answer.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("; Secure"));

        HttpResponse<String> plain = new RawHttp(port).get("/dashboard", "X-Forwarded-Proto", "http");
        assertThat(plain.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").doesNotContainIgnoringCase("secure"));
    }

    @Test
    void theSignInLimitCountsTheClientTheProxyNamesNotWhatTheClientWroteBeforeIt() {
        RawHttp http = new RawHttp(port);
        String client = "198.51.100.77";
        for (int i = 0; i < WebSecurity.SIGN_IN_ATTEMPTS_PER_MINUTE; i++) {
            // The client made up the first address; the proxy appended the one it saw.
            assertThat(http.get("/oauth2/authorization/google", "X-Forwarded-For", "203.0.113." + i + ", " + client)
                    .statusCode()).isEqualTo(302);
        }
        assertThat(http.get("/oauth2/authorization/google", "X-Forwarded-For", "203.0.113.99, " + client)
                .statusCode()).isEqualTo(429);
        assertThat(http.get("/oauth2/authorization/google", "X-Forwarded-For", "198.51.100.78").statusCode())
                .as("another client behind the same proxy").isEqualTo(302);
    }
}
