package dev.calsync.app.cli;

import dev.calsync.app.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds and runs the picocli command line. Plain Java: no Spring context is started here,
 * so CLI verbs start fast; {@code serve} and {@code demo} start Spring themselves.
 */
public final class CalsyncCli {

    private CalsyncCli() {
    }

    /** Runs one command line and returns its exit code (see {@link ExitCodes}). */
    public static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(context, out, err).execute(args);
    }

    public static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(CalsyncCommand.class, new ContextFactory(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(CalsyncCli::reportUsageError);
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        return commandLine;
    }

    /** Message, "did you mean" suggestions, then usage: picocli's default drops the usage when it suggests. */
    private static int reportUsageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        command.usage(err);
        return ExitCodes.USAGE;
    }

    /** Turns exceptions from a verb into a message and an exit code instead of picocli's stack trace. */
    private static final class ErrorReporter implements IExecutionExceptionHandler {

        @Override
        public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
            PrintWriter err = command.getErr();
            // serve's groups are checked while the server starts, so the problem arrives wrapped by Spring.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConfigException config) {
                    err.println("calsync: " + config.getMessage());
                    return ExitCodes.USAGE;
                }
            }
            // Unexpected: a bug or an outage. The trace is what a bug report needs.
            err.println("calsync " + command.getCommandName() + ": failed: " + e);
            e.printStackTrace(err);
            return ExitCodes.FAILURE;
        }
    }
}
