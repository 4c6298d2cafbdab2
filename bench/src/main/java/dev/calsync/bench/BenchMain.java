package dev.calsync.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * The benchmark without the application around it, for long scale runs on the bench module's runtime class path
 * (the jars {@code mvn dependency:build-classpath -pl bench} lists, copied aside so that a build running next to
 * the benchmark cannot replace them mid-run). The options of {@code calsync bench}, plus {@code --parallel N},
 * {@code --batch-size N}, {@code --naive-users N} and {@code --naive-hours H}:
 *
 * <pre>{@code
 * java -Xmx2g -cp "bench-cp/*" dev.calsync.bench.BenchMain --users 1000 --modes incremental15m,push
 * }</pre>
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        BenchOptions options = BenchOptions.defaults();
        Path out = Path.of("bench-results");
        boolean json = false;
        Benchmark benchmark = new Benchmark();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--users" -> options = options.withUsers(Integer.parseInt(args[++i]));
                case "--days" -> options = options.withDays(Integer.parseInt(args[++i]));
                case "--seed" -> options = options.withSeed(Long.parseLong(args[++i]));
                case "--out" -> out = Path.of(args[++i]);
                case "--json" -> json = true;
                case "--idle" -> {
                    java.util.List<IdleBench.Row> rows = IdleBench.defaults().run();
                    boolean asJson = Arrays.asList(args).contains("--json");
                    System.out.println(asJson ? IdleBench.toJson(rows) : IdleBench.toTable(rows));
                    return;
                }
                case "--modes" -> options = options.withModes(Set.copyOf(Arrays.asList(args[++i].split(","))));
                case "--parallel" -> benchmark.parallelBatches(Integer.parseInt(args[++i]));
                case "--batch-size" -> benchmark.batchSize(Integer.parseInt(args[++i]));
                case "--naive-users" -> benchmark.naiveSampleUsers(Integer.parseInt(args[++i]));
                case "--naive-hours" -> benchmark.naiveSimulatedHours(Integer.parseInt(args[++i]));
                default -> throw new IllegalArgumentException("unknown argument " + arg
                        + " (--users N --days D --seed S --out DIR --json --idle --modes a,b --parallel N --batch-size N "
                        + "--naive-users N --naive-hours H)");
            }
        }
        BenchResult result = benchmark.run(options, ProgressListener.bar(System.err));
        result.report().writeTo(out);
        System.out.println(json ? result.report().toJson() : result.report().toMarkdown());
        boolean consistent = result.modes().values().stream().allMatch(ModeResult::verifyConsistent);
        System.exit(consistent ? 0 : 1);
    }
}
