package dev.calsync.app.assembly;

import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.caldav.CaldavAccount;
import dev.calsync.caldav.CaldavCalendarProvider;
import dev.calsync.caldav.dav.Backoff;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.CallListener;
import dev.calsync.core.provider.RoutingCalendarProvider;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.provider.AccessTokens;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.core.provider.StaticAccessTokens;
import dev.calsync.microsoft.MicrosoftCalendarProvider;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place that knows the adapters: builds each from the configuration and puts them behind the routing
 * provider the engine, the verifier and the web pages use. The CLI ({@code SyncRuntime}) and the server
 * ({@code SyncComponents}) both assemble their providers here, so both route accounts the same way. Plain Java:
 * no framework.
 */
public final class ProviderAssembly {
    public static final String GOOGLE = "google";
    public static final String CALDAV = "caldav";
    public static final String MICROSOFT = "microsoft";

    private ProviderAssembly() {
    }

    /** The Google adapter, on the configured API root, telling {@code calls} of every call. */
    public static GoogleCalendarProvider google(CalsyncConfig config, AccessTokens tokens, CallListener calls) {
        return GoogleCalendarProvider.builder(tokens).rootUrl(config.google().rootUrl()).callListener(calls).build();
    }

    /** A Google adapter for one token not yet stored: the calendar list shown while an account is connected. */
    public static CalendarProvider connecting(CalsyncConfig config, String accessToken) {
        return google(config, StaticAccessTokens.of("connecting", accessToken), CallListener.NONE);
    }

    /** The CalDAV adapter for the CalDAV accounts the configuration declares (passwords from the file or the environment). */
    public static CaldavCalendarProvider caldav(CalsyncConfig config, Recurrences recurrences, CallListener calls) {
        return caldav(config, recurrences, calls, accountId -> Optional.empty());
    }

    /** The same, also finding accounts the file does not declare (those connected in the web UI) through {@code others}. */
    public static CaldavCalendarProvider caldav(CalsyncConfig config, Recurrences recurrences, CallListener calls,
                                                Function<String, Optional<CaldavAccount>> others) {
        CaldavCalendarProvider.Builder builder = CaldavCalendarProvider.builder().recurrences(recurrences)
                .callListener(calls).accountLookup(others);
        config.accounts().stream().filter(a -> CALDAV.equals(a.provider())).forEach(a -> builder.account(a.id(),
                new CaldavAccount(URI.create(a.url()), a.username(), a.password())));
        return builder.build();
    }

    /**
     * A CalDAV adapter for one login not yet stored, to discover its calendars while a person waits: no retries
     * and short timeouts, so a wrong or unreachable server is told at once.
     */
    public static CalendarProvider connecting(CaldavAccount login) {
        return CaldavCalendarProvider.builder().account("connecting", login).backoff(Backoff.none())
                .timeouts(Duration.ofSeconds(10), Duration.ofSeconds(20)).build();
    }

    /**
     * The Microsoft Graph adapter, on the configured service root, telling {@code calls} of every call; its delta
     * window covers the configured groups' windows.
     */
    public static MicrosoftCalendarProvider microsoft(CalsyncConfig config, AccessTokens tokens,
                                                      CallListener calls) {
        GraphWindow window = GraphWindow.covering(config.groups());
        return MicrosoftCalendarProvider.builder(tokens).graphUrl(config.microsoft().graphUrl()).callListener(calls)
                .windowSpan(window.span()).horizon(window.horizon()).build();
    }

    /**
     * Every adapter behind one provider that routes by the account's provider.
     *
     * @param providerOfAccount an account's provider name ({@value #GOOGLE} when the account says none)
     */
    public static RoutingCalendarProvider route(GoogleCalendarProvider google, CaldavCalendarProvider caldav,
                                                MicrosoftCalendarProvider microsoft,
                                                Function<String, String> providerOfAccount) {
        return new RoutingCalendarProvider(Map.of(GOOGLE, google, CALDAV, caldav, MICROSOFT, microsoft),
                providerOfAccount);
    }

    /** An account's provider as the configuration declares it, or Google. */
    public static Function<String, String> declaredIn(CalsyncConfig config) {
        return accountId -> config.account(accountId).map(a -> a.provider()).orElse(GOOGLE);
    }
}
