package dev.calsync.app.cli;

import dev.calsync.app.config.CalsyncConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "cleanup", description = "Removes orphan and duplicate blocks and restores missing ones.")
public final class CleanupCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--dry-run", description = "Only print what would change.")
    boolean dryRun;

    public CleanupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CalsyncConfig loaded = config.require(context);
        // The cleanup (a full reconcile that only reports when dryRun) plugs in here.
        return NotImplemented.report(spec);
    }
}
