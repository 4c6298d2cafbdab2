package dev.calsync.app.cli;

import dev.calsync.bench.BenchOptions;
import dev.calsync.bench.BenchResult;
import dev.calsync.bench.Benchmark;
import dev.calsync.bench.IdleBench;
import dev.calsync.bench.ModeResult;
import dev.calsync.bench.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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

    @Option(names = "--users", paramLabel = "N", defaultValue = "100", description = "Simulated users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--days", paramLabel = "D", defaultValue = "1", description = "Simulated days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed, for repeatable runs (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results", description = "Where to write the report (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--modes", paramLabel = "MODE", split = ",",
            description = "Only these modes: naive, incremental15m, microsoft15m, incremental5m, full, push (default: all).")
    List<String> modes;

    @Option(names = "--idle", description = "Instead of the simulated days: what one idle poll of a group with 100, "
            + "1,000 and 10,000 events per calendar costs (database statements, CPU), next to a projecting poll.")
    boolean idle;

    @Override
    public Integer call() {
        if (idle) {
            List<IdleBench.Row> rows = IdleBench.defaults().run();
            spec.commandLine().getOut().println(json ? IdleBench.toJson(rows) : IdleBench.toTable(rows));
            return ExitCodes.OK;
        }
        if (users < 1) {
            throw new ParameterException(spec.commandLine(), "--users must be >= 1, was " + users);
        }
        if (days < 1) {
            throw new ParameterException(spec.commandLine(), "--days must be >= 1, was " + days);
        }
        BenchOptions options = BenchOptions.defaults().withUsers(users).withDays(days).withSeed(seed);
        if (modes != null && !modes.isEmpty()) {
            options = options.withModes(Set.copyOf(modes));
        }
        PrintWriter out = spec.commandLine().getOut();
        BenchResult result = new Benchmark().run(options, ProgressListener.bar(System.err));
        result.report().writeTo(this.out);
        out.println(json ? result.report().toJson() : result.report().toMarkdown());
        if (!json) {
            out.println("report written to " + this.out.toAbsolutePath().normalize());
        }
        boolean consistent = result.modes().values().stream().allMatch(ModeResult::verifyConsistent);
        return consistent ? ExitCodes.OK : ExitCodes.PROBLEMS_FOUND;
    }
}
