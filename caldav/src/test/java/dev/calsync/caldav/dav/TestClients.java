package dev.calsync.caldav.dav;

import dev.calsync.core.provider.CallListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** DavClients for tests: real HTTP, no real sleeping (the waits are recorded instead). */
public final class TestClients {
    private TestClients() {
    }

    public static DavClient client(String user, CallListener listener, List<Duration> waits) {
        return new DavClient(DavClient.defaultHttpClient(Duration.ofSeconds(5)), new DavCredentials(user, "secret-password"),
                new Backoff(4, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(10)), waits::add,
                new Random(7), listener, Duration.ofSeconds(20));
    }

    public static DavClient client(String user, CallListener listener) {
        return client(user, listener, new ArrayList<>());
    }
}
