package dev.calsync.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.calsync.app.CalsyncMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calsync demo} publishes its passwords, so by default nothing of it is reachable from the network: neither
 * the web UI nor H2's automatic-mixed-mode port. A child JVM, since H2 reads its bind address once per process.
 */
class DemoBindTest {

    private static final Pattern RUNNING = Pattern.compile("calsync demo is running: http://localhost:(\\d+)/");

    @Test
    void theDemoListensOnLoopbackOnly(@TempDir Path dir) throws Exception {
        InetAddress outside = nonLoopbackAddress().orElse(null);
        Assumptions.assumeTrue(outside != null, "skipped: this machine has no non-loopback IPv4 address");
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CalsyncMain.class.getName(), "demo", "--port", "0")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            int port = awaitPort(demo);
            assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();
            assertThatThrownBy(() -> connect(outside, port)).as("web UI on " + outside).isInstanceOf(IOException.class);

            Path lock = dir.resolve("data/demo/calsync.lock.db");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(lock) && server(lock) != null);
            String server = server(lock);
            assertThat(InetAddress.getByName(server.substring(0, server.indexOf(':'))).isLoopbackAddress())
                    .as("H2 tells other processes to connect to " + server).isTrue();
            int h2Port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
            assertThat(connects(InetAddress.getLoopbackAddress(), h2Port)).isTrue();
            assertThatThrownBy(() -> connect(outside, h2Port)).as("H2 server on " + outside)
                    .isInstanceOf(IOException.class);
        } finally {
            demo.destroy();
            demo.waitFor();
        }
    }

    private static int awaitPort(Process demo) {
        AtomicReference<Integer> port = new AtomicReference<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (Reader in = new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8);
                 BufferedReader lines = new BufferedReader(in)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    Matcher matcher = RUNNING.matcher(line);
                    if (matcher.find()) {
                        port.set(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended: the wait below says so
            }
        }, "demo-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(120)).failFast("the demo stopped: " + output, () -> !demo.isAlive())
                .until(() -> port.get() != null);
        return port.get();
    }

    private static String server(Path lock) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(lock, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        return properties.getProperty("server");
    }

    private static boolean connects(InetAddress address, int port) throws IOException {
        connect(address, port);
        return true;
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
