package dev.calsync.app.cli;

import dev.calsync.app.config.CalsyncConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Runs the service: web UI, OAuth, scheduler, push webhooks.")
public final class ServeCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    public ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        // Accounts may all come from OAuth, so the server runs without a file too.
        CalsyncConfig loaded = config.loadOrDefaults(context);
        // The Spring Boot application starts here, with `loaded` as its configuration.
        return NotImplemented.report(spec);
    }
}
