package dev.calsync.app.cli;

import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.server.CalsyncServer;
import dev.calsync.app.server.ServerSettings;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Runs the service: web UI, OAuth, scheduler, push webhooks.")
public final class ServeCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    public ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0-65535, was " + port);
        }
        // Accounts may all come from OAuth, so the server runs without a file too.
        CalsyncConfig loaded = config.loadOrDefaults(context);
        PrintWriter err = spec.commandLine().getErr();
        Optional<EncryptionKey> key;
        try {
            key = EncryptionKey.fromEnvironment(context.env());
        } catch (IllegalArgumentException e) {
            err.println("calsync serve: " + e.getMessage() + " (create one with: openssl rand -base64 32)");
            return ExitCodes.USAGE;
        }
        if (key.isEmpty()) {
            err.println("calsync serve: set " + EncryptionKey.VARIABLE + " to a base64-encoded 32-byte key; it "
                    + "encrypts the OAuth tokens stored in the database (create one with: openssl rand -base64 32)."
                    + " Keep it: tokens stored under one key cannot be read with another.");
            return ExitCodes.USAGE;
        }
        if (!loaded.oauth().configured()) {
            err.println("calsync serve: oauth.clientId is not set (or CALSYNC_OAUTH_CLIENT_ID, with "
                    + "CALSYNC_OAUTH_CLIENT_SECRET): people sign in and connect accounts through that Google OAuth "
                    + "client. To try calsync without one, run: calsync demo");
            return ExitCodes.USAGE;
        }
        CalsyncServer server = CalsyncServer.start(
                new ServerSettings(loaded, key.get(), ServerSettings.Mode.SERVE, port), Map.of());
        PrintWriter out = spec.commandLine().getOut();
        out.println("calsync serving at http://localhost:" + server.port() + "/ (Ctrl-C stops it)");
        out.flush();
        server.awaitStop();
        return ExitCodes.OK;
    }
}
