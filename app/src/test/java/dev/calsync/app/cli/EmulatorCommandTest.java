package dev.calsync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorCommandTest {

    private static final Pattern ROOT_URL = Pattern.compile("listening at (http://127\\.0\\.0\\.1:\\d+/)");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<Thread> threads = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopEmulators() throws InterruptedException {
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    /** Runs {@code calsync emulator ...} on its own thread, as a person would in a terminal. */
    private CompletableFuture<Integer> startInBackground(String... args) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread thread = new Thread(() -> exit.complete(CalsyncCli.run(new CliContext(Map.of(), dir),
                new PrintWriter(out, true), new PrintWriter(err, true), args)), "calsync-emulator-test");
        threads.add(thread);
        thread.start();
        return exit;
    }

    private String awaitRootUrl() {
        await().atMost(Duration.ofSeconds(10)).until(() -> ROOT_URL.matcher(out.toString()).find());
        Matcher m = ROOT_URL.matcher(out.toString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private JsonNode calendarList(String rootUrl, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(rootUrl + "calendar/v3/users/me/calendarList"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static List<String> ids(JsonNode calendarList) {
        List<String> ids = new ArrayList<>();
        calendarList.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Test
    void demoSeedAccountSeesItsCalendarsWithThePrintedToken() throws Exception {
        startInBackground("emulator", "--port", "0");

        String rootUrl = awaitRootUrl();

        assertThat(out.toString()).contains("account alice-work  token alice-work-token", "Press Ctrl-C to stop.");
        assertThat(ids(calendarList(rootUrl, "alice-work-token")))
                .contains("alice@work.example")
                .doesNotContain("bob@work.example");
    }

    @Test
    void demoSeedPrintsAlicesMicrosoft365MailboxWhoseTokenReadsItsCalendarsOnGraph() throws Exception {
        startInBackground("emulator", "--port", "0");

        String rootUrl = awaitRootUrl();
        Matcher line = Pattern.compile("account alice-m365  token alice-m365-token  calendars (\\S+)")
                .matcher(out.toString());

        assertThat(line.find()).as(out.toString()).isTrue();
        HttpResponse<String> calendars = http.send(HttpRequest.newBuilder(
                        URI.create(rootUrl + "graph/v1.0/me/calendars"))
                .header("Authorization", "Bearer alice-m365-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(calendars.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(calendars.body()).at("/value/0/id").asText()).isEqualTo(line.group(1));
    }

    @Test
    void seedFileReplacesTheDemoSeed() throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.json"), """
                {"accounts": [{"id": "carol", "token": "carol-token",
                  "calendars": [{"id": "carol@example.com", "primary": true},
                                {"id": "carol-team@example.com"}]}]}
                """);
        startInBackground("emulator", "--port", "0", "--seed", seed.getFileName().toString());

        String rootUrl = awaitRootUrl();

        assertThat(out.toString()).contains("account carol  token carol-token").doesNotContain("alice-work");
        assertThat(ids(calendarList(rootUrl, "carol-token")))
                .containsExactlyInAnyOrder("carol@example.com", "carol-team@example.com");
    }

    @Test
    void interruptStopsTheEmulatorAndExitsZero() throws Exception {
        CompletableFuture<Integer> exit = startInBackground("emulator", "--port", "0");
        String rootUrl = awaitRootUrl();

        threads.forEach(Thread::interrupt);

        assertThat(exit.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        HttpRequest request = HttpRequest.newBuilder(URI.create(rootUrl + "calendar/v3/users/me/calendarList"))
                .timeout(Duration.ofSeconds(2)).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void missingSeedFileIsAUsageError() {
        CliRun result = CliRun.run(dir, Map.of(), "emulator", "--port", "0", "--seed", "nope.json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--seed: file not found: nope.json", "Usage: calsync emulator");
    }

    @Test
    void malformedSeedFileIsReportedWithoutStartingTheServer() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{\"accounts\": [{\"id\": \"x\"}]}");

        CliRun result = CliRun.run(dir, Map.of(), "emulator", "--port", "0", "--seed", "bad.json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("calsync emulator: invalid seed file bad.json: ");
        assertThat(result.out()).isEmpty();
    }
}
