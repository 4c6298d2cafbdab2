package dev.calsync.app.accounts;

import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stores what "connect an account" brought back. The Google account is recognised by its primary calendar (whose id
 * is the account's address), read with the new token itself, so no scope beyond the calendar ones is needed;
 * connecting the same Google account again replaces its tokens and resumes its groups.
 */
public final class ConnectedAccounts {

    private final AccountStore accounts;
    private final CredentialCipher cipher;
    private final AccountPauses pauses;
    /** A provider that uses the given access token for any account id: reads the new account's calendar list. */
    private final Function<String, CalendarProvider> providerForToken;

    public ConnectedAccounts(AccountStore accounts, CredentialCipher cipher, AccountPauses pauses,
                             Function<String, CalendarProvider> providerForToken) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.pauses = pauses;
        this.providerForToken = providerForToken;
    }

    public Account connect(String owner, TokenGrant grant) {
        List<CalendarInfo> calendars = providerForToken.apply(grant.accessToken()).listCalendars("connecting");
        CalendarInfo primary = calendars.stream().filter(CalendarInfo::primary).findFirst()
                .or(() -> calendars.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("the account lists no calendars"));
        String id = accountId(owner, primary.id());
        Optional<Account> existing = accounts.find(id);
        GoogleCredentials credentials = new GoogleCredentials(grant.accessToken(), grant.refreshToken(),
                grant.expiresAt(), grant.scope());
        if (!credentials.renewable() && existing.isPresent() && existing.get().encryptedCredentials() != null) {
            // Incremental consent may return no new refresh token; the one granted before still works.
            GoogleCredentials before = cipher.decrypt(id, existing.get().encryptedCredentials());
            credentials = before.renewedBy(grant);
        }
        Account account = new Account(id, owner, "google", primary.summary(), primary.id(),
                cipher.encrypt(id, credentials), AccountStatus.ACTIVE);
        accounts.save(account);
        pauses.reconnected(id);
        return account;
    }

    /** Saves a Google account whose token is known up front (the demo's emulator accounts). */
    public Account connectWithToken(String id, String owner, String displayName, String email, String accessToken) {
        return connectWithToken(id, "google", owner, displayName, email, accessToken);
    }

    /** Saves an account of {@code provider} whose token is known up front (the demo's emulator accounts). */
    public Account connectWithToken(String id, String provider, String owner, String displayName, String email,
                                    String accessToken) {
        Account account = new Account(id, owner, provider, displayName, email,
                cipher.encrypt(id, new GoogleCredentials(accessToken, null, null, null)), AccountStatus.ACTIVE);
        accounts.save(account);
        return account;
    }

    /**
     * One id per person and Google account: stable across reconnects, different for two people connecting the same
     * address, and of the shape the config accepts for account ids.
     */
    static String accountId(String owner, String email) {
        return AccountIds.of("g-", owner, email);
    }
}
