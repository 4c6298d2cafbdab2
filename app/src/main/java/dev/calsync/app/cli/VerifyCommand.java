package dev.calsync.app.cli;

import dev.calsync.app.config.CalsyncConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify",
        description = "Reports orphan, duplicate, missing and stale blocks. Exit 0 if consistent, 1 if not.")
public final class VerifyCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print the findings as JSON.")
    boolean json;

    public VerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CalsyncConfig loaded = config.require(context);
        // The verifier plugs in here: ExitCodes.OK if consistent, ExitCodes.PROBLEMS_FOUND otherwise.
        return NotImplemented.report(spec);
    }
}
