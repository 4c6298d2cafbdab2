package dev.calsync.app.config;

/**
 * How to reach Microsoft Graph (Microsoft 365 and Outlook.com calendars), and the app registration through which
 * {@code serve} connects Microsoft accounts.
 *
 * @param graphUrl     Graph's service root ending in '/', below which the adapter appends its paths; the emulator's
 *                     {@code http://127.0.0.1:8089/graph/v1.0/} in tests and demos
 * @param clientId     the app registration's application (client) id; null: no "Connect a Microsoft account"
 * @param clientSecret the app registration's client secret; never printed
 * @param tenant       whose accounts may connect: {@code common} (work and personal), {@code organizations},
 *                     {@code consumers} or one directory's id
 * @param authorityUrl the identity platform's OAuth 2.0 base, below which {@code authorize} and {@code token} live;
 *                     null: {@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/}
 */
public record MicrosoftConfig(String graphUrl, String clientId, String clientSecret, String tenant,
                              String authorityUrl) {

    public static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com/v1.0/";
    public static final String DEFAULT_TENANT = "common";

    public static final MicrosoftConfig DEFAULTS = new MicrosoftConfig(DEFAULT_GRAPH_URL);

    public MicrosoftConfig {
        tenant = tenant == null || tenant.isBlank() ? DEFAULT_TENANT : tenant;
    }

    /** Graph only: no Microsoft sign-in (the CLI, the demo). */
    public MicrosoftConfig(String graphUrl) {
        this(graphUrl, null, null, DEFAULT_TENANT, null);
    }

    public boolean connectConfigured() {
        return clientId != null && !clientId.isBlank();
    }

    /** The authority the connect flow uses: the configured one, or the tenant's on the public identity platform. */
    public String authority() {
        return authorityUrl != null ? Urls.withTrailingSlash(authorityUrl)
                : "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/";
    }

    @Override
    public String toString() {
        return "MicrosoftConfig[graphUrl=" + graphUrl + ", clientId=" + clientId + ", clientSecret="
                + Secrets.mask(clientSecret) + ", tenant=" + tenant + ", authorityUrl=" + authorityUrl + "]";
    }
}
