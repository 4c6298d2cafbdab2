package dev.calsync.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.app.assembly.PassRunner;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.runtime.FailureClassifier;
import dev.calsync.app.runtime.Reports;
import dev.calsync.app.runtime.SyncRuntime;
import dev.calsync.core.failure.Decision;
import dev.calsync.core.failure.Failure;
import dev.calsync.core.failure.FailurePolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.LeftOverBlocks;
import dev.calsync.core.sync.SyncRequest;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static final FailurePolicy POLICY = FailurePolicy.oneShot();

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

    @Option(names = "--resume", description = "Resume paused groups (after reconnecting their accounts).")
    boolean resume;

    public SyncCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CalsyncConfig loaded = config.require(context);
        List<SyncGroup> selected = selectedGroups(loaded);
        PrintWriter out = spec.commandLine().getOut();
        boolean allSynced = true;
        try (SyncRuntime runtime = new SyncRuntime(loaded, context.env())) {
            // Under their calendars' own ids, every group checked before any is synced.
            List<SyncGroup> groups = selected.stream().map(g -> runtime.group(g.id()).orElseThrow()).toList();
            ArrayNode results = Reports.object().arrayNode();
            for (SyncGroup group : groups) {
                Map<CallKind, Long> before = runtime.calls().snapshot();
                if (resume) {
                    runtime.passes().resume(group);
                }
                Optional<PassRunner.Ran> ran;
                try {
                    ran = runtime.passes().run(group, full ? SyncRequest.fullReconcile() : SyncRequest.poll());
                } catch (RuntimeException e) {
                    Failure failure = FailureClassifier.of(e);
                    if (!(POLICY.decide(failure, 1, Instant.now(), loaded.sync().pollInterval())
                            instanceof Decision.GiveUpBatch)) {
                        throw e;
                    }
                    // The other groups would fail alike: say why, once, and stop (no stack trace for an outage).
                    int left = groups.size() - groups.indexOf(group) - 1;
                    spec.commandLine().getErr().printf("calsync sync: group %s: %s; %d more groups not synced%n",
                            group.id(), failure.description(), left);
                    return ExitCodes.FAILURE;
                }
                if (ran.isEmpty()) {
                    // Paused (an account needs reconnecting): nothing read, nothing written, nothing deleted.
                    List<String> accounts = runtime.passes().pauses().accountsNeedingReconnect(group);
                    allSynced = false;
                    if (json) {
                        results.add(Reports.pausedJson(group.id(), accounts));
                    } else {
                        Reports.printPaused(out, group.id(), accounts);
                    }
                    continue;
                }
                GroupReport report = ran.get().report();
                Map<CallKind, Long> calls = runtime.calls().since(before);
                allSynced &= report.outcome() != GroupReport.Outcome.PARTIAL;
                List<String> paused = ran.get().pausedGroups();
                if (json) {
                    ObjectNode node = Reports.syncJson(report, calls);
                    node.set("reconnectNeeded", Reports.strings(report.reconnectNeeded().stream().sorted().toList()));
                    node.set("pausedGroups", Reports.strings(paused));
                    results.add(node);
                } else {
                    Reports.printSync(out, report, calls);
                    retryHint(out, report, loaded);
                    if (!report.reconnectNeeded().isEmpty()) {
                        out.printf("  reconnect needed: account %s refused our token; paused group %s until it is "
                                        + "connected again (probed on a back-off, it resumes by itself; sync --resume"
                                        + " resumes now)%n",
                                String.join(", ", report.reconnectNeeded().stream().sorted().toList()),
                                paused.isEmpty() ? "(already paused)" : String.join(", ", paused));
                    }
                }
            }
            // Blocks of groups or calendars taken out of the configuration are not a sync's to delete: say so.
            List<LeftOverBlocks> left = LeftOverBlocks.in(runtime.store(), runtime.groups());
            if (json) {
                ObjectNode result = Reports.object();
                result.set("groups", results);
                result.set("leftOver", Reports.leftOverJson(left));
                result.set("calls", Reports.callsJson(runtime.calls().snapshot()));
                result.put("totalCalls", runtime.calls().total());
                Reports.printJson(out, result);
            } else {
                Reports.printLeftOver(out, left, "no configured group wants these blocks: run `calsync cleanup` "
                        + "to remove them");
            }
        }
        // A partial pass keeps its old tokens and is replayed next time; scripts still need to know.
        return allSynced ? ExitCodes.OK : ExitCodes.PROBLEMS_FOUND;
    }

    /** A partial pass: when the policy would try again (a Retry-After makes that later than the usual retry). */
    private static void retryHint(PrintWriter out, GroupReport report, CalsyncConfig loaded) {
        report.failures().stream().reduce(Failure::worse).ifPresent(failure -> {
            if (POLICY.decide(failure, 1, Instant.now(), loaded.sync().pollInterval())
                    instanceof Decision.RescheduleAt at && failure.retryAfter() != null) {
                out.printf("  the provider asked to wait %d s: run sync again after %s%n",
                        failure.retryAfter().toSeconds(), at.at().truncatedTo(ChronoUnit.SECONDS));
            }
        });
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
