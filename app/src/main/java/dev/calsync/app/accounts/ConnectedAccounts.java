package dev.calsync.app.accounts;

import dev.calsync.store.Account;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import java.util.Optional;

/**
 * Stores what "connect an account" brought back. The account is recognised by its address, which {@link TokenOwners}
 * reads with the new token itself, so no scope beyond the calendar ones is needed; connecting the same account again
 * replaces its tokens and resumes its groups.
 */
public final class ConnectedAccounts {

    private final AccountStore accounts;
    private final CredentialCipher cipher;
    private final AccountPauses pauses;
    private final TokenOwners tokenOwners;

    public ConnectedAccounts(AccountStore accounts, CredentialCipher cipher, AccountPauses pauses,
                             TokenOwners tokenOwners) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.pauses = pauses;
        this.tokenOwners = tokenOwners;
    }

    public Account connect(String owner, String provider, TokenGrant grant) {
        TokenOwners.Owner who = tokenOwners.of(provider, grant.accessToken());
        String id = accountId(owner, provider, who.address());
        Optional<Account> existing = accounts.find(id);
        OAuthCredentials credentials = new OAuthCredentials(grant.accessToken(), grant.refreshToken(),
                grant.expiresAt(), grant.scope());
        if (!credentials.renewable() && existing.isPresent() && existing.get().encryptedCredentials() != null) {
            // Incremental consent may return no new refresh token; the one granted before still works.
            OAuthCredentials before = cipher.decrypt(id, existing.get().encryptedCredentials());
            credentials = before.renewedBy(grant);
        }
        Account account = new Account(id, owner, provider, who.name(), who.address(),
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
                cipher.encrypt(id, new OAuthCredentials(accessToken, null, null, null)), AccountStatus.ACTIVE);
        accounts.save(account);
        return account;
    }

    /**
     * One id per person and account: stable across reconnects, different for two people connecting the same
     * address, and of the shape the config accepts for account ids. Google's keep the ids they always had.
     */
    static String accountId(String owner, String provider, String address) {
        return "google".equals(provider) ? AccountIds.of("g-", owner, address)
                : AccountIds.of(provider.charAt(0) + "-", owner, provider, address);
    }
}
