package dev.calsync.caldav;

import static org.awaitility.Awaitility.await;

import dev.calsync.caldav.dav.DavBodies;
import dev.calsync.caldav.dav.DavRequest;
import dev.calsync.caldav.dav.DavResponse;
import dev.calsync.caldav.dav.TestClients;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.CallListener;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real CalDAV server for tests: Debian's Radicale on a free port with its storage in a temporary directory,
 * without authentication (any Basic username works; paths are {@code /<user>/<calendar>/}), or with fixed logins
 * ({@link #startWithLogins}: a wrong password gets 401). Where
 * {@code /usr/bin/python3} cannot import radicale the tests are skipped, saying so. Register it for a test class with
 * {@code @RegisterExtension static final RadicaleServer RADICALE = new RadicaleServer();}, or start one for a
 * single test with {@link #start()}.
 */
public final class RadicaleServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    static final String PYTHON = "/usr/bin/python3";

    private Process process;
    private Path directory;
    private URI root;
    private final AtomicInteger calendars = new AtomicInteger();
    private Map<String, String> passwords = Map.of();

    /** Starts Radicale before the test class, or skips the class (a JUnit assumption) where it is not installed. */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        launch(context.getDisplayName());
    }

    /** Starts Radicale for one test (stop it with {@link #close()}), or skips the test where it is not installed. */
    public static RadicaleServer start() throws IOException {
        RadicaleServer server = new RadicaleServer();
        server.launch("this test");
        return server;
    }

    /** Starts Radicale accepting only these usernames with these passwords (its htpasswd file, in plain text). */
    public static RadicaleServer startWithLogins(Map<String, String> passwords) throws IOException {
        if (passwords.isEmpty()) {
            throw new IllegalArgumentException("no logins");
        }
        RadicaleServer server = new RadicaleServer();
        server.passwords = Map.copyOf(passwords);
        server.launch("this test");
        return server;
    }

    private void launch(String what) throws IOException {
        if (!radicaleInstalled()) {
            String message = "Radicale is not installed (" + PYTHON + " cannot import radicale; apt-get install"
                    + " python3-radicale): " + what + " against a real CalDAV server is skipped";
            // Surefire shows a class skipped before its first test as "Tests run: 0" and drops the reason: say it here.
            System.getLogger(RadicaleServer.class.getName()).log(System.Logger.Level.WARNING, message);
            Assumptions.abort(message);
        }
        directory = Files.createTempDirectory("calsync-radicale");
        int port = freePort();
        root = URI.create("http://127.0.0.1:" + port + "/");
        // --config without files: only Radicale's defaults and these flags, whatever /etc/radicale holds.
        List<String> command = new ArrayList<>(List.of(PYTHON, "-m", "radicale", "--config",
                "--server-hosts=127.0.0.1:" + port,
                "--storage-filesystem-folder=" + directory.resolve("collections")));
        if (passwords.isEmpty()) {
            command.add("--auth-type=none");
        } else {
            Path htpasswd = directory.resolve("htpasswd");
            Files.write(htpasswd, passwords.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList());
            command.addAll(List.of("--auth-type=htpasswd", "--auth-htpasswd-filename=" + htpasswd,
                    "--auth-htpasswd-encryption=plain", "--auth-delay=0"));
        }
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("radicale.log").toFile())
                .start();
        try {
            await("Radicale listening on port " + port).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Radicale exited: " + log());
                        }
                        return accepts(port);
                    });
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    @Override
    public void close() throws IOException {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    public URI root() {
        return root;
    }

    /** Creates a new calendar {@code /<user>/<prefix><n>/} with MKCALENDAR. */
    public URI calendar(String user, String prefix) {
        URI uri = root.resolve("/" + user + "/" + prefix + calendars.incrementAndGet() + "/");
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .header("Authorization", basic(user)).header("Content-Type", "application/xml; charset=utf-8")
                    .method("MKCALENDAR", HttpRequest.BodyPublishers.ofString(DavBodies.mkcalendar("Calendar " + prefix)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() != 201) {
            throw new IllegalStateException("MKCALENDAR " + uri + " answered " + response.statusCode());
        }
        return uri;
    }

    /** Writes a member directly, as another client would. */
    public String put(URI member, String user, String ics) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(member)
                .header("Authorization", basic(user)).header("Content-Type", "text/calendar")
                .PUT(HttpRequest.BodyPublishers.ofString(ics)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT " + member + " answered " + response.statusCode());
        }
        return response.headers().firstValue("ETag").orElse(null);
    }

    public String get(URI member, String user) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(member)
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    public int delete(URI member, String user) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(member)
                .header("Authorization", basic(user)).DELETE().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Places a member straight into Radicale's storage, bypassing its checks on PUT: how a resource that another
     * client wrote and Radicale accepted, but that no parser should, gets there.
     */
    public void plant(URI collection, String name, String text) throws IOException {
        Path folder = directory.resolve("collections").resolve("collection-root")
                .resolve(collection.getPath().substring(1));
        Files.writeString(folder.resolve(name), text);
    }

    public String log() {
        try {
            return Files.readString(directory.resolve("radicale.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":"
                + passwords.getOrDefault(user, "unused")).getBytes());
    }

    static boolean radicaleInstalled() {
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import radicale").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
