package dev.calsync.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.runtime.Reports;
import dev.calsync.app.runtime.SyncRuntime;
import dev.calsync.core.sync.Verifier;
import dev.calsync.core.sync.VerifyReport;
import java.util.ArrayList;
import java.util.List;
import java.io.PrintWriter;
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
        return VerifyCommand.verifyAll(loaded, json, spec.commandLine().getOut());
    }

    /** Verify every configured group; shared with {@code cleanup --dry-run}. */
    static int verifyAll(CalsyncConfig loaded, boolean json, PrintWriter out) {
        boolean consistent = true;
        try (SyncRuntime runtime = new SyncRuntime(loaded)) {
            ArrayNode groups = Reports.object().arrayNode();
            List<VerifyReport> reports = new ArrayList<>();
            runtime.groups().forEach(group -> reports.add(runtime.verifier().verify(group)));
            // What groups taken out of the configuration left behind: orphans, from the store's own record.
            reports.addAll(Verifier.retired(runtime.store(), runtime.accountIds()));
            for (VerifyReport report : reports) {
                consistent &= report.consistent();
                if (json) {
                    groups.add(Reports.verifyJson(report));
                } else {
                    Reports.printVerify(out, report);
                }
            }
            if (json) {
                ObjectNode result = Reports.object();
                result.put("consistent", consistent);
                result.set("groups", groups);
                Reports.printJson(out, result);
            }
        }
        return consistent ? ExitCodes.OK : ExitCodes.PROBLEMS_FOUND;
    }
}
