package dev.calsync.caldav;

import static org.awaitility.Awaitility.await;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real CalDAV server for tests: Debian's Radicale on a free port with its storage in a temporary directory,
 * without authentication (any Basic username works; paths are {@code /<user>/<calendar>/}), or with fixed logins
 * ({@link #startWithLogins}: a wrong password gets 401). Where
 * {@code /usr/bin/python3} cannot import radicale the calling test is skipped, saying so.
 */
public final class RadicaleServer implements AutoCloseable {
    static final String PYTHON = "/usr/bin/python3";

    private final Process process;
    private final Path directory;
    private final URI root;
    private final Map<String, String> passwords;

    private RadicaleServer(Process process, Path directory, int port, Map<String, String> passwords) {
        this.process = process;
        this.directory = directory;
        this.root = URI.create("http://127.0.0.1:" + port + "/");
        this.passwords = passwords;
    }

    /** Starts Radicale, or skips the test (a JUnit assumption) where it is not installed. */
    public static RadicaleServer start() throws IOException {
        return start(Map.of());
    }

    /** Starts Radicale accepting only these usernames with these passwords (its htpasswd file, in plain text). */
    public static RadicaleServer startWithLogins(Map<String, String> passwords) throws IOException {
        if (passwords.isEmpty()) {
            throw new IllegalArgumentException("no logins");
        }
        return start(Map.copyOf(passwords));
    }

    private static RadicaleServer start(Map<String, String> passwords) throws IOException {
        Assumptions.assumeTrue(radicaleInstalled(),
                "Radicale is not installed (" + PYTHON + " cannot import radicale; apt-get install python3-radicale):"
                        + " CalDAV tests against a real server are skipped");
        Path directory = Files.createTempDirectory("calsync-radicale");
        int port = freePort();
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
        // --config without files: only Radicale's defaults and these flags, whatever /etc/radicale holds.
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("radicale.log").toFile())
                .start();
        RadicaleServer server = new RadicaleServer(process, directory, port, passwords);
        try {
            await("Radicale listening on port " + port).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Radicale exited: " + server.log());
                        }
                        return accepts(port);
                    });
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public URI root() {
        return root;
    }

    /** Creates {@code /<user>/<name>/} with MKCALENDAR and returns its URL. */
    public URI calendar(String user, String name) throws IOException, InterruptedException {
        URI uri = root.resolve("/" + user + "/" + name + "/");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Authorization", basic(user))
                .method("MKCALENDAR", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
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

    @Override
    public void close() throws IOException {
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
