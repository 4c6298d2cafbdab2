package dev.calsync.app.accounts;

import dev.calsync.app.assembly.ProviderAssembly;
import dev.calsync.caldav.CaldavAccount;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * CalDAV accounts connected in the web UI: stored only once discovery with the given login found calendars, the
 * login sealed by the {@link CredentialCipher} like OAuth tokens; and read back for the CalDAV adapter.
 */
public final class CaldavConnections {
    public static final String PROVIDER = ProviderAssembly.CALDAV;

    private final AccountStore accounts;
    private final CredentialCipher cipher;
    private final AccountPauses pauses;
    /** A provider that knows only this account, under any id: its calendar list is the test of the login. */
    private final Function<CaldavAccount, CalendarProvider> providerForAccount;

    public CaldavConnections(AccountStore accounts, CredentialCipher cipher, AccountPauses pauses,
                             Function<CaldavAccount, CalendarProvider> providerForAccount) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.pauses = pauses;
        this.providerForAccount = providerForAccount;
    }

    /**
     * Discovers the account's calendars and stores it for {@code owner}; connecting the same login again replaces
     * its password and resumes its groups.
     *
     * @throws ProviderException when the server refuses the login, is unreachable or
     *                           is no CalDAV server; nothing is stored then
     */
    public Account connect(String owner, CaldavAccount login) {
        List<CalendarInfo> calendars = providerForAccount.apply(login).listCalendars("connecting");
        String id = accountId(owner, login);
        Account account = new Account(id, owner, PROVIDER, calendars.size() + " calendars on " + login.url().getHost(),
                login.username(), cipher.encrypt(id, login), AccountStatus.ACTIVE);
        accounts.save(account);
        pauses.reconnected(id);
        return account;
    }

    /**
     * The stored login of a web-connected CalDAV account, decrypted; empty for any other account.
     *
     * @throws ProviderException UNAUTHORIZED when the row cannot be decrypted (the key changed): reconnect it
     */
    public Optional<CaldavAccount> login(String accountId) {
        return accounts.find(accountId)
                .filter(a -> PROVIDER.equals(a.provider()) && a.encryptedCredentials() != null)
                .map(a -> {
                    try {
                        return cipher.decryptCaldav(a.id(), a.encryptedCredentials());
                    } catch (IllegalStateException e) {
                        throw new ProviderException(ProviderException.Kind.UNAUTHORIZED, 0, "credentials",
                                e.getMessage());
                    }
                });
    }

    /** One id per person, server and login. */
    static String accountId(String owner, CaldavAccount login) {
        return AccountIds.of("c-", owner, login.url().toString(), login.username());
    }
}
