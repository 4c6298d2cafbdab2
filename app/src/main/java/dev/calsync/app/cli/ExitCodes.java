package dev.calsync.app.cli;

/** The exit codes scripts rely on (DESIGN.md, "Interfaces"). */
public final class ExitCodes {

    public static final int OK = 0;
    /** {@code verify} found orphans, duplicates, missing or stale blocks. */
    public static final int PROBLEMS_FOUND = 1;
    /** Bad usage, invalid configuration, or a verb that is not implemented yet. */
    public static final int USAGE = 2;
    /** The command failed while running (a bug, or a database or provider that stayed unreachable). */
    public static final int FAILURE = 3;

    private ExitCodes() {
    }
}
