package dev.calsync.app;

import dev.calsync.app.cli.CalsyncCli;
import dev.calsync.app.cli.CliContext;
import java.io.PrintWriter;

/** Entry point of {@code calsync.jar}. */
public final class CalsyncMain {

    private CalsyncMain() {
    }

    public static void main(String[] args) {
        int exitCode = CalsyncCli.run(CliContext.ofProcess(),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(exitCode);
    }
}
