package dev.calsync.app.config;

/**
 * One mistake in a configuration, located by the path of the field it is about
 * ({@code groups[0].calendars[1].account}) so a person can find it without a stack trace.
 */
public record ConfigProblem(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
