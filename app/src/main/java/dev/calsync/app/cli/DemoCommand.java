package dev.calsync.app.cli;

import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.config.ConfigLoader;
import dev.calsync.app.config.GoogleConfig;
import dev.calsync.app.config.MicrosoftConfig;
import dev.calsync.app.config.OAuthConfig;
import dev.calsync.app.config.StorageConfig;
import dev.calsync.app.config.SyncConfig;
import dev.calsync.app.demo.DemoUsers;
import dev.calsync.app.server.CalsyncServer;
import dev.calsync.app.server.ServerSettings;
import dev.calsync.core.group.SyncMode;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.emulator.graph.GraphEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "demo",
        description = "Runs everything embedded: H2 file database, built-in Google and Microsoft Graph emulators with "
                + "two users' sample calendars, and the web UI on port 8080 of this machine only (see --bind).")
public final class DemoCommand implements Callable<Integer> {

    /** The demo polls often, so a change shows on the dashboard within a minute of being made. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(20);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "HTTP port of the web UI (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the web UI and the demo database's server listen on (default: ${DEFAULT-VALUE}, "
                    + "this machine only). 0.0.0.0 opens the demo, with its published passwords, to the network.")
    String bind;

    public DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0-65535, was " + port);
        }
        InetAddress address = address();
        // H2's automatic mixed mode serves the database file over TCP to other processes; by default on every
        // interface. H2 reads this once, when it is first used, which in this process is the server's start below.
        System.setProperty("h2.bindAddress", address.getHostAddress());
        Path dataDir = context.workingDir().resolve("data/demo");
        // The emulator lives in memory and starts afresh, so the demo's sync state must too.
        resetDirectory(dataDir);
        GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(0);
        emulator.loadDemoSeed();
        // alice's Microsoft 365 mailbox, on the same port as calsync emulator serves it.
        GraphEmulator graph = GraphEmulator.mount(emulator.httpServer(), GraphEmulator.DEFAULT_BASE_PATH);
        graph.loadDemoSeed();
        CalsyncConfig defaults = new ConfigLoader(Map.of()).defaults();
        CalsyncConfig config = new CalsyncConfig(
                new StorageConfig("jdbc:h2:file:" + dataDir.resolve("calsync"), null, null),
                new GoogleConfig(emulator.rootUrl()),
                new SyncConfig(SyncMode.INCREMENTAL, POLL_INTERVAL),
                defaults.push(), List.of(), List.of(), OAuthConfig.DEFAULTS, new MicrosoftConfig(graph.graphUrl()));
        CalsyncServer server;
        try {
            server = CalsyncServer.start(new ServerSettings(config, EncryptionKey.random(),
                    ServerSettings.Mode.DEMO, port, address.getHostAddress()),
                    Map.of("demoEmulator", emulator, "demoGraph", graph));
        } catch (RuntimeException e) {
            graph.close();
            emulator.close();
            throw e;
        }
        printWelcome(spec.commandLine().getOut(), address, server.port(), emulator, graph);
        try {
            server.awaitStop();
        } finally {
            graph.close();
            emulator.close();
        }
        return ExitCodes.OK;
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind: no such address here: " + bind);
        }
    }

    private static void printWelcome(PrintWriter out, InetAddress address, int port, GoogleCalendarEmulator emulator,
                                     GraphEmulator graph) {
        String host = address.isLoopbackAddress() || address.isAnyLocalAddress() ? "localhost"
                : address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        out.println("calsync demo is running: http://" + host + ":" + port + "/");
        if (!address.isLoopbackAddress()) {
            out.println("  WARNING: listening on " + address.getHostAddress() + ": anyone who reaches it can sign in"
                    + " with the published demo passwords.");
        }
        out.println("  DEMO ONLY sign-ins (password \"" + DemoUsers.PASSWORD + "\"): "
                + String.join(", ", DemoUsers.ALL.stream().map(DemoUsers.DemoUser::name).toList()));
        out.println("  Google Calendar emulator: " + emulator.rootUrl() + " (a sample change every minute)");
        out.println("  Microsoft Graph emulator: " + graph.graphUrl() + " (alice-m365 is in alice's group)");
        out.println("  data: ./data/demo (rebuilt on every start). Ctrl-C stops the demo.");
        out.flush();
    }

    private static void resetDirectory(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }
}
