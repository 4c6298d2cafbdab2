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

/**
 * No proxy is trusted (the default): forwarded headers from the test's peer, 127.0.0.1, change nothing. Over real
 * HTTP, since Tomcat decides the peer, the scheme and the cookie flags.
 */
@SpringBootTest(classes = {CalsyncWebApplication.class, ServeTestConfig.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.level.dev.calsync=WARN")
@ActiveProfiles("serve")
class UntrustedForwardedHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void theSignInLimitCountsThePeerWhateverXForwardedForSays() {
        RawHttp http = new RawHttp(port);
        for (int i = 0; i < WebSecurity.SIGN_IN_ATTEMPTS_PER_MINUTE; i++) {
            assertThat(http.get("/oauth2/authorization/google").statusCode()).isEqualTo(302);
        }
        for (int i = 0; i < 40; i++) {
            assertThat(http.get("/oauth2/authorization/google", "X-Forwarded-For", "203.0.113." + i).statusCode())
                    .as("attempt with X-Forwarded-For 203.0.113.%d", i).isEqualTo(429);
        }
    }

    @Test
    void forwardedHostAndProtoNeverChangeRedirectsOrCookies() {
        HttpResponse<String> answer = new RawHttp(port).get("/dashboard", "X-Forwarded-Host", "evil.example",
                "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + port + "/login");
        assertThat(answer.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").doesNotContainIgnoringCase("secure"));
    }
}
