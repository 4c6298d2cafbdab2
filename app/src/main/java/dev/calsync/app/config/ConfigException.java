package dev.calsync.app.config;

import java.util.List;

/** Every problem found in one configuration source, reported together so one run shows them all. */
public final class ConfigException extends RuntimeException {

    private final String source;
    private final List<ConfigProblem> problems;

    public ConfigException(String source, List<ConfigProblem> problems) {
        super(render(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file (as the user named it) or other source the problems are in. */
    public String source() {
        return source;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(String source, List<ConfigProblem> problems) {
        StringBuilder text = new StringBuilder("invalid configuration (").append(source).append("):");
        problems.forEach(p -> text.append(System.lineSeparator()).append("  ").append(p));
        return text.toString();
    }
}
