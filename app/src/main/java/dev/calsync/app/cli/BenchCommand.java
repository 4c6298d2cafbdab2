package dev.calsync.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "bench",
        description = "Simulates days of calendar use against the emulator and reports API calls against the "
                + "lower bound and the naive baseline, propagation latency and correctness.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--users", paramLabel = "N", defaultValue = "50", description = "Simulated users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--days", paramLabel = "D", defaultValue = "1", description = "Simulated days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed, for repeatable runs (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results", description = "Where to write the report (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (users < 1) {
            throw new ParameterException(spec.commandLine(), "--users must be >= 1, was " + users);
        }
        if (days < 1) {
            throw new ParameterException(spec.commandLine(), "--days must be >= 1, was " + days);
        }
        return NotImplemented.report(spec);
    }
}
