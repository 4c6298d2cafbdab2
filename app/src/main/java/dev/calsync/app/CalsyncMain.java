package dev.calsync.app;

import dev.calsync.app.cli.CalsyncCli;
import dev.calsync.app.cli.CliContext;
import java.io.PrintWriter;
import java.util.Set;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Entry point of {@code calsync.jar}. */
public final class CalsyncMain {
    /** Verbs that start Spring Boot, which configures logging itself. */
    private static final Set<String> SERVER_VERBS = Set.of("serve", "demo");

    private CalsyncMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !SERVER_VERBS.contains(args[0])) {
            quietLogging();
        }
        int exitCode = CalsyncCli.run(CliContext.ofProcess(),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(exitCode);
    }

    /** Keep stdout for the verb's own output: library chatter is only shown from warnings up, on stderr. */
    private static void quietLogging() {
        System.setProperty("logback.configurationFile", "calsync-cli-logback.xml");
        // The engine logs through java.lang.System.Logger (JUL by default): route it to the same place.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
