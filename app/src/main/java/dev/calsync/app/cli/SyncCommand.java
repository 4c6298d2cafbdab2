package dev.calsync.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.runtime.Reports;
import dev.calsync.app.runtime.SyncRuntime;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncRequest;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "sync", description = "Runs one sync pass over the configured groups, then exits.")
public final class SyncCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--group", paramLabel = "ID", description = "Sync only this group.")
    String groupId;

    @Option(names = "--full", description = "Full reconcile: list every calendar and converge.")
    boolean full;

    @Option(names = "--json", description = "Print the pass's result as JSON.")
    boolean json;

    public SyncCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CalsyncConfig loaded = config.require(context);
        List<SyncGroup> groups = selectedGroups(loaded);
        PrintWriter out = spec.commandLine().getOut();
        boolean allSynced = true;
        try (SyncRuntime runtime = new SyncRuntime(loaded)) {
            ArrayNode results = Reports.object().arrayNode();
            for (SyncGroup group : groups) {
                Map<CallKind, Long> before = runtime.calls().snapshot();
                GroupReport report = runtime.engine().sync(group, full ? SyncRequest.fullReconcile() : SyncRequest.poll());
                Map<CallKind, Long> calls = runtime.calls().since(before);
                allSynced &= report.outcome() != GroupReport.Outcome.PARTIAL;
                if (json) {
                    results.add(Reports.syncJson(report, calls));
                } else {
                    Reports.printSync(out, report, calls);
                }
            }
            if (json) {
                ObjectNode result = Reports.object();
                result.set("groups", results);
                result.set("calls", Reports.callsJson(runtime.calls().snapshot()));
                result.put("totalCalls", runtime.calls().total());
                Reports.printJson(out, result);
            }
        }
        // A partial pass keeps its old tokens and is replayed next time; scripts still need to know.
        return allSynced ? ExitCodes.OK : ExitCodes.PROBLEMS_FOUND;
    }

    List<SyncGroup> selectedGroups(CalsyncConfig loaded) {
        if (groupId == null) {
            return loaded.groups();
        }
        return loaded.group(groupId).map(List::of).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown group '" + groupId + "' (known: "
                        + loaded.groups().stream().map(SyncGroup::id).collect(Collectors.joining(", ")) + ")"));
    }
}
