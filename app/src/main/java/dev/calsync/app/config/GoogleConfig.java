package dev.calsync.app.config;

/**
 * How to reach Google Calendar.
 *
 * @param rootUrl API root ending in '/', as the Google client's {@code setRootUrl} expects;
 *                the emulator's address in tests and demos
 */
public record GoogleConfig(String rootUrl) {

    public static final String DEFAULT_ROOT_URL = "https://www.googleapis.com/";
}
