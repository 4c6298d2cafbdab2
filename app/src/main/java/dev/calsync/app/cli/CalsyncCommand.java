package dev.calsync.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command: only dispatches to the verbs. */
@Command(name = "calsync",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = "Keeps calendars from being double-booked: every busy event on one calendar of a sync "
                + "group becomes a private busy block on the others.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  ok", "  1  verify found problems", "  2  usage or configuration error, or a verb not "
                + "implemented yet", "  3  the command failed while running"},
        subcommands = {
            DemoCommand.class,
            ServeCommand.class,
            SyncCommand.class,
            VerifyCommand.class,
            CleanupCommand.class,
            CalendarsCommand.class,
            EmulatorCommand.class,
            BenchCommand.class,
        })
public final class CalsyncCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }
}
