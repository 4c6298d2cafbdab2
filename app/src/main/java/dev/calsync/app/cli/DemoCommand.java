package dev.calsync.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "demo",
        description = "Runs everything embedded: H2 file database, built-in Google emulator with two users' "
                + "sample calendars, and the web UI on port 8080.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // The Spring Boot application starts here, on an embedded H2 file and an in-process emulator.
        return NotImplemented.report(spec);
    }
}
