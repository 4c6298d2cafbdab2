package dev.calsync.app.accounts;

import dev.calsync.app.assembly.ProviderAssembly;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.microsoft.MailboxOwner;
import dev.calsync.microsoft.MicrosoftCalendarProvider;
import dev.calsync.core.provider.StaticAccessTokens;
import java.util.List;

/**
 * Whose account a new access token opens, asked of its provider with the token itself and within the calendar
 * scopes (no profile scope): Google's primary calendar id is the account's address; Microsoft's default calendar
 * names its owner.
 */
public final class TokenOwners {

    /** @param address identifies the account (with its provider); shown with {@code name} on the accounts page */
    public record Owner(String address, String name) {
    }

    private final CalsyncConfig config;

    public TokenOwners(CalsyncConfig config) {
        this.config = config;
    }

    public Owner of(String provider, String accessToken) {
        if (ProviderAssembly.MICROSOFT.equals(provider)) {
            MailboxOwner owner = MicrosoftCalendarProvider.builder(StaticAccessTokens.of("connecting", accessToken))
                    .graphUrl(config.microsoft().graphUrl()).build().owner("connecting");
            return new Owner(owner.address(), owner.name());
        }
        List<CalendarInfo> calendars = ProviderAssembly.connecting(config, accessToken).listCalendars("connecting");
        CalendarInfo primary = calendars.stream().filter(CalendarInfo::primary).findFirst()
                .or(() -> calendars.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("the account lists no calendars"));
        return new Owner(primary.id(), primary.summary());
    }
}
