package dev.calsync.app.cli;

import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.config.ConfigException;
import dev.calsync.app.config.ConfigLoader;
import dev.calsync.app.config.ConfigProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by the verbs that need a configuration. */
public final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration (default: " + ConfigLoader.DEFAULT_FILE_NAME
                    + " in the current directory, if present). CALSYNC_* environment variables override it.")
    Path file;

    /** For verbs that cannot work without a file: sync, verify, cleanup. */
    public CalsyncConfig require(CliContext context) {
        return fileToLoad(context)
                .map(f -> loader(context).load(f.path(), f.label()))
                .orElseThrow(() -> new ConfigException(ConfigLoader.DEFAULT_FILE_NAME, List.of(new ConfigProblem("",
                        "file not found; pass --config FILE or run where " + ConfigLoader.DEFAULT_FILE_NAME
                                + " is"))));
    }

    /** For verbs that can run on defaults and the environment alone: serve. */
    public CalsyncConfig loadOrDefaults(CliContext context) {
        return fileToLoad(context)
                .map(f -> loader(context).load(f.path(), f.label()))
                .orElseGet(() -> loader(context).defaults());
    }

    /** @param label the name problems are reported under: the file as the user typed it */
    private record ConfigFile(Path path, String label) {
    }

    private Optional<ConfigFile> fileToLoad(CliContext context) {
        if (file != null) {
            return Optional.of(new ConfigFile(context.workingDir().resolve(file), file.toString()));
        }
        Path fallback = context.workingDir().resolve(ConfigLoader.DEFAULT_FILE_NAME);
        return Files.isRegularFile(fallback)
                ? Optional.of(new ConfigFile(fallback, ConfigLoader.DEFAULT_FILE_NAME))
                : Optional.empty();
    }

    private static ConfigLoader loader(CliContext context) {
        return new ConfigLoader(context.env());
    }
}
