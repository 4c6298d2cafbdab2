package dev.calsync.emulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MountAndDemoSeedTest {

    @Test
    void mountedGraphSharesAServerWithOtherPathsAndLeavesThemWhenClosed() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(418, -1);
            exchange.close();
        });
        server.start();
        try {
            GraphEmulator graph = GraphEmulator.mount(server, GraphEmulator.DEFAULT_BASE_PATH);
            graph.addMailbox("m", "m-token", "M", "m@example.com", "UTC");
            graph.addCalendar("m", "Calendar", true);
            int port = server.getAddress().getPort();
            assertThat(graph.graphUrl()).isEqualTo("http://127.0.0.1:" + port + "/graph/v1.0/");
            GraphClient client = new GraphClient(graph.graphUrl(), "m-token");
            assertThat(client.get("me/calendars").status()).isEqualTo(200);
            GraphClient root = new GraphClient("http://127.0.0.1:" + port + "/", null);
            assertThat(root.get("calendar/v3/anything").status()).isEqualTo(418);
            graph.close();
            assertThat(client.get("me/calendars").status()).isEqualTo(418);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void demoSeedGivesAliceAMicrosoft365MailboxWithASeriesAndAnException() {
        try (GraphEmulator graph = GraphEmulator.start(0)) {
            graph.loadDemoSeed();
            assertThat(graph.mailboxIds()).containsExactly("alice-m365");
            assertThat(graph.tokenOf("alice-m365")).isEqualTo("alice-m365-token");
            assertThat(graph.describeMailboxes()).startsWith("  account alice-m365  token alice-m365-token  calendars AAMkA");
            String calendar = graph.calendarIdsOf("alice-m365").get(0);
            Instant now = graph.clock().instant();
            List<ObjectNode> view = graph.userCalendarView(calendar, now.minus(Duration.ofDays(14)), now.plus(Duration.ofDays(21)));
            assertThat(view).anyMatch(e -> e.path("type").asText().equals("exception") && e.path("subject").asText().equals("Team sync (moved)"));
            assertThat(view).anyMatch(e -> e.path("type").asText().equals("occurrence"));
            assertThat(view).anyMatch(e -> e.path("responseStatus").path("response").asText().equals("declined"));
            assertThat(view).anyMatch(e -> e.path("isCancelled").asBoolean());
            assertThat(view).anyMatch(e -> e.path("isAllDay").asBoolean() && e.path("showAs").asText().equals("oof"));
            GraphClient alice = new GraphClient(graph.graphUrl(), "alice-m365-token");
            assertThat(alice.get("me/calendars").json().path("value").get(0).path("id").asText()).isEqualTo(calendar);
        }
    }
}
