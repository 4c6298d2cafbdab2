package dev.calsync.app.cli;

import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.core.group.SyncGroup;
import java.util.List;
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
        // The sync engine plugs in here: run one pass over `groups` (full reconcile if `full`).
        return NotImplemented.report(spec);
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
