package dev.calsync.app.cluster;

import static org.awaitility.Awaitility.await;

import dev.calsync.app.process.CalsyncProcesses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * {@code calsync serve} processes of one test, each logging to {@code <name>.out} in the test's directory, and the
 * mock OpenID server they need to start. Closing kills what is left of them.
 */
final class ServeNodes implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("calsync serving at http://localhost:(\\d+)/");

    private final Path dir;
    private final MockOAuth2Server oauth = new MockOAuth2Server();
    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    ServeNodes(Path dir) {
        this.dir = dir;
        oauth.start();
    }

    String issuer() {
        return oauth.issuerUrl("google").toString();
    }

    Process start(String name, Map<String, String> env, Path config) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(CalsyncProcesses.java(), "-Xmx320m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", CalsyncProcesses.jar().toString(), "serve", "--config",
                config.toString(), "--port", "0")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** The port {@code name} serves on, once it says so. */
    int awaitPort(String name, Duration timeout) {
        String out = await(name + " serving").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> output(name), o -> SERVING.matcher(o).find());
        Matcher m = SERVING.matcher(out);
        m.find();
        return Integer.parseInt(m.group(1));
    }

    String output(String name) {
        try {
            return Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    HttpResponse<String> get(int port, String path, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of a Prometheus sample's values over all its label sets, as {@code port}'s node exposes them now. */
    double metric(int port, String sample) throws IOException, InterruptedException {
        HttpResponse<String> metrics = get(port, "/actuator/prometheus", Duration.ofSeconds(10));
        if (metrics.statusCode() != 200) {
            throw new IllegalStateException("/actuator/prometheus answered " + metrics.statusCode());
        }
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + "(\\{[^}]*})? ([0-9.eE+-]+|NaN)$")
                .matcher(metrics.body());
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }

    @Override
    public void close() throws InterruptedException {
        started.forEach(Process::destroyForcibly);
        for (Process node : started) {
            node.waitFor(10, TimeUnit.SECONDS);
        }
        oauth.shutdown();
    }
}
