package dev.calsync.app.cli;

import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.emulator.graph.GraphEmulator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "emulator",
        description = "Runs the Google Calendar API v3 emulator, and the Microsoft Graph v1.0 emulator under graph/v1.0/ "
                + "on the same port, alone on 127.0.0.1 and prints their URLs and the accounts' bearer tokens. Runs until Ctrl-C.")
public final class EmulatorCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8089",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--seed", paramLabel = "FILE",
            description = "JSON seed with accounts, calendars and events (default: the built-in demo seed).")
    Path seed;

    public EmulatorCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0-65535, was " + port);
        }
        Path seedFile = seed == null ? null : context.workingDir().resolve(seed);
        if (seedFile != null && !Files.isRegularFile(seedFile)) {
            throw new ParameterException(spec.commandLine(), "--seed: file not found: " + seed);
        }
        PrintWriter err = spec.commandLine().getErr();
        GoogleCalendarEmulator emulator;
        try {
            emulator = GoogleCalendarEmulator.start(port);
        } catch (UncheckedIOException e) {
            err.println("calsync emulator: cannot listen on 127.0.0.1:" + port + ": " + e.getCause().getMessage());
            return ExitCodes.FAILURE;
        }
        // The Graph face has a seed of its own: it serves the demo mailbox unless a Google seed file was given.
        GraphEmulator graph = GraphEmulator.mount(emulator.httpServer(), GraphEmulator.DEFAULT_BASE_PATH);
        try {
            loadSeed(emulator, seedFile);
            if (seedFile == null) graph.loadDemoSeed();
        } catch (RuntimeException e) {
            graph.close();
            emulator.close();
            err.println("calsync emulator: invalid seed file " + seed + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        printAddresses(emulator, graph, spec.commandLine().getOut());
        return serveUntilStopped(emulator, graph);
    }

    private static void loadSeed(GoogleCalendarEmulator emulator, Path seedFile) {
        if (seedFile == null) {
            emulator.loadDemoSeed();
        } else {
            emulator.loadSeed(seedFile);
        }
    }

    private static void printAddresses(GoogleCalendarEmulator emulator, GraphEmulator graph, PrintWriter out) {
        out.println("Google Calendar emulator listening at " + emulator.rootUrl());
        out.println("  use it with: google.rootUrl: \"" + emulator.rootUrl() + "\" (or CALSYNC_GOOGLE_ROOT_URL)");
        for (String account : emulator.accountIds()) {
            out.println("  account " + account + "  token " + emulator.tokenOf(account)
                    + "  calendars " + String.join(", ", emulator.calendarIdsOf(account)));
        }
        out.println("Microsoft Graph emulator listening at " + graph.graphUrl());
        out.println("  use it with: microsoft.graphUrl: \"" + graph.graphUrl() + "\"");
        out.print(graph.describeMailboxes());
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /**
     * Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM: the shutdown hook closes the server)
     * or, when run in-process, until this thread is interrupted.
     */
    private static int serveUntilStopped(GoogleCalendarEmulator emulator, GraphEmulator graph) {
        Thread closeOnShutdown = new Thread(() -> {
            graph.close();
            emulator.close();
        }, "calsync-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(closeOnShutdown);
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            graph.close();
            emulator.close();
            Runtime.getRuntime().removeShutdownHook(closeOnShutdown);
        }
        return ExitCodes.OK;
    }
}
