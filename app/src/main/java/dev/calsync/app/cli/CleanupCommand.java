package dev.calsync.app.cli;

import dev.calsync.app.assembly.PassRunner;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.runtime.Reports;
import dev.calsync.app.runtime.SyncRuntime;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.LeftOverBlocks;
import dev.calsync.core.sync.RetiredBlockRemoval;
import dev.calsync.core.sync.SyncRequest;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            out.println("dry run: these problems would be fixed");
            return VerifyCommand.verifyAll(loaded, false, out);
        }
        boolean allSynced = true;
        try (SyncRuntime runtime = new SyncRuntime(loaded)) {
            for (SyncGroup group : runtime.groups()) {
                Map<CallKind, Long> before = runtime.calls().snapshot();
                Optional<PassRunner.Ran> ran = runtime.passes().run(group, SyncRequest.fullReconcile());
                if (ran.isEmpty()) {
                    // Paused as for sync: a group whose account needs reconnecting is not touched.
                    Reports.printPaused(out, group.id(), runtime.passes().pauses().accountsNeedingReconnect(group));
                    allSynced = false;
                    continue;
                }
                GroupReport report = ran.get().report();
                allSynced &= report.outcome() == GroupReport.Outcome.SYNCED;
                Reports.printSync(out, report, runtime.calls().since(before));
            }
            // Then what groups taken out of the configuration left, wherever a configured account reaches.
            RetiredBlockRemoval.Result retired = runtime.retiredRemoval().run(runtime.accountIds());
            if (retired.deleted() > 0) {
                out.printf("removed %d blocks of groups no longer configured%n", retired.deleted());
            }
            retired.unreachable().forEach((calendar, why) -> out.printf("cannot reach %s: %s%n", calendar, why));
            retired.busyGroups().forEach(group -> out.printf("group %s: another worker holds its lease; run "
                    + "cleanup again%n", group));
            List<LeftOverBlocks> left = LeftOverBlocks.in(runtime.store(), runtime.groups());
            Reports.printLeftOver(out, left, "these calendars cannot be reached through a configured account: "
                    + "the blocks stay recorded, and cleanup removes them once they can be");
            allSynced &= left.isEmpty();
        }
        return allSynced ? ExitCodes.OK : ExitCodes.PROBLEMS_FOUND;
    }
}
