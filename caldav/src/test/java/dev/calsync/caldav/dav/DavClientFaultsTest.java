package dev.calsync.caldav.dav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallTally;
import dev.calsync.core.provider.ProviderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DavClientFaultsTest {
    static final CalendarRef CALENDAR = new CalendarRef("acct", "/cal/");
    static final String OK = "<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/cal/</d:href>"
            + "<d:propstat><d:prop><d:sync-token>t1</d:sync-token></d:prop><d:status>HTTP/1.1 200 OK</d:status>"
            + "</d:propstat></d:response></d:multistatus>";

    final ScriptedDavServer server = start("127.0.0.1");
    final CallTally calls = new CallTally();
    final List<Duration> waits = new ArrayList<>();
    final DavClient client = TestClients.client("alice@example.com", calls, waits);

    static ScriptedDavServer start(String host) {
        try {
            return ScriptedDavServer.start(host);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    DavResponse propfind() {
        return client.send(DavRequest.propfind(server.uri("/cal/"), 0, "<x/>"), CALENDAR, CallKind.LIST);
    }

    @Test
    void throttlingIsRetriedHonouringRetryAfterClampedToTheCap() {
        server.then(ScriptedDavServer.Answer.of(503, "busy").with("Retry-After", "1"))
                .then(ScriptedDavServer.Answer.of(429, "slow down").with("Retry-After", "3600"))
                .then(ScriptedDavServer.Answer.multistatus(OK));

        DavResponse response = propfind();

        assertThat(response.status()).isEqualTo(207);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(calls.snapshot()).isEqualTo(Map.of(CallKind.LIST, 3L));
        assertThat(calls.failed()).isEqualTo(2);
    }

    @Test
    void serverErrorsAreRetriedWithFullJitterWithinTheBoundThenGivenUp() {
        for (int i = 0; i < 4; i++) {
            server.then(ScriptedDavServer.Answer.of(500, "oops"));
        }

        assertThatThrownBy(this::propfind).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT);
            assertThat(e.status()).isEqualTo(500);
        });
        assertThat(server.received()).hasSize(4);
        // Full jitter: each wait lies in [0, min(cap, base * 2^n)].
        assertThat(waits).hasSize(3);
        for (int n = 0; n < waits.size(); n++) {
            assertThat(waits.get(n)).isBetween(Duration.ZERO, Duration.ofMillis(Math.min(2000, 100L << n)));
        }
    }

    @Test
    void aRefusedLoginIsUnauthorizedAndThePasswordIsNeverSaid() {
        server.then(ScriptedDavServer.Answer.of(401, "no"));

        assertThatThrownBy(this::propfind).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
            assertThat(e.getMessage()).doesNotContain("secret-password");
        });
        assertThat(server.received().get(0).header("Authorization")).startsWith("Basic ");
        assertThat(new DavCredentials("alice", "secret-password").toString()).doesNotContain("secret-password");
    }

    @Test
    void aRedirectToAnotherHostIsFollowedWithItsMethodAndRememberedForNextTime() {
        try (ScriptedDavServer account = start("localhost")) {
            account.then(ScriptedDavServer.Answer.multistatus(OK)).then(ScriptedDavServer.Answer.multistatus(OK));
            server.then(ScriptedDavServer.Answer.of(301, "").with("Location", account.uri("/cal/").toString()));

            assertThat(propfind().uri().getHost()).isEqualTo("localhost");
            propfind();

            assertThat(server.received()).hasSize(1);
            assertThat(account.received()).extracting(ScriptedDavServer.Received::method).containsExactly("PROPFIND", "PROPFIND");
            assertThat(account.received().get(0).body()).isEqualTo("<x/>");
            // Plain HTTP to another origin: the credentials stay behind.
            assertThat(account.received().get(0).header("Authorization")).isNull();
        }
    }

    @Test
    void htmlOrACutOffBodyIsNoMultistatus() {
        server.then(new ScriptedDavServer.Answer(207, Map.of("Content-Type", "text/html"), "<html><body>Login</body></html>"))
                .then(ScriptedDavServer.Answer.multistatus(OK.substring(0, OK.length() / 2)))
                .then(ScriptedDavServer.Answer.multistatus("<d:error xmlns:d=\"DAV:\"/>"));

        for (int i = 0; i < 3; i++) {
            DavResponse response = propfind();
            assertThatThrownBy(response::multistatus).isInstanceOf(DavProtocolException.class);
        }
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertThat(DavClient.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(DavClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isNegative();
        assertThat(DavClient.retryAfter("soon")).isNull();
    }
}
