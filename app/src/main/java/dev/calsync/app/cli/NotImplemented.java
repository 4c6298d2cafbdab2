package dev.calsync.app.cli;

import picocli.CommandLine.Model.CommandSpec;

/** The honest answer of a verb that is part of the interface but not built yet. */
final class NotImplemented {

    private NotImplemented() {
    }

    static int report(CommandSpec spec) {
        spec.commandLine().getErr().println("calsync " + spec.name() + ": not implemented yet");
        return ExitCodes.USAGE;
    }
}
