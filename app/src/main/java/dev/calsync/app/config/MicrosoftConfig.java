package dev.calsync.app.config;

/**
 * How to reach Microsoft Graph (Microsoft 365 and Outlook.com calendars).
 *
 * @param graphUrl Graph's service root ending in '/', below which the adapter appends its paths; the emulator's
 *                 {@code http://127.0.0.1:8089/graph/v1.0/} in tests and demos
 */
public record MicrosoftConfig(String graphUrl) {

    public static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com/v1.0/";

    public static final MicrosoftConfig DEFAULTS = new MicrosoftConfig(DEFAULT_GRAPH_URL);
}
