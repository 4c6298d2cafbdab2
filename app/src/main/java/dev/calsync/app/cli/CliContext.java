package dev.calsync.app.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a command reads from the process besides its arguments, passed in so tests can run
 * commands in-process with their own environment and directory.
 *
 * @param workingDir the directory relative paths and the default {@code calsync.yml} resolve against
 */
public record CliContext(Map<String, String> env, Path workingDir) {

    public CliContext {
        env = Map.copyOf(env);
        workingDir = workingDir.toAbsolutePath();
    }

    public static CliContext ofProcess() {
        return new CliContext(System.getenv(), Path.of(""));
    }
}
