package dev.calsync.app.accounts;

import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.provider.AccessTokens;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of connected accounts, decrypted from {@link AccountStore} and renewed through their provider's token
 * endpoint (Google's, Microsoft's) shortly before they expire or when the provider refuses one. A refresh answered
 * {@code invalid_grant} marks the account "reconnect needed" and pauses its groups. Accounts declared in the config
 * file keep their static tokens.
 */
public final class AccountAccessTokens implements AccessTokens {
    private static final System.Logger LOG = System.getLogger(AccountAccessTokens.class.getName());
    private static final String GOOGLE = "google";

    private final AccountStore accounts;
    private final CredentialCipher cipher;
    private final Map<String, TokenEndpoint> tokenEndpoints;
    private final AccountPauses pauses;
    private final Clock clock;
    private final Map<String, String> staticTokens;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** @param tokenEndpoints by provider; a provider without one (the demo: none) cannot renew its tokens */
    public AccountAccessTokens(AccountStore accounts, CredentialCipher cipher, Map<String, TokenEndpoint> tokenEndpoints,
                               AccountPauses pauses, Clock clock, Map<String, String> staticTokens) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.tokenEndpoints = Map.copyOf(tokenEndpoints);
        this.pauses = pauses;
        this.clock = clock;
        this.staticTokens = Map.copyOf(staticTokens);
    }

    @Override
    public String accessToken(String accountId) {
        String fixed = staticTokens.get(accountId);
        if (fixed != null) {
            return fixed;
        }
        synchronized (lockOf(accountId)) {
            Account account = account(accountId);
            OAuthCredentials credentials = credentials(account);
            TokenEndpoint endpoint = endpointOf(account);
            if (credentials.expiresSoon(clock.instant()) && credentials.renewable() && endpoint != null) {
                credentials = renew(account, endpoint, credentials);
            }
            return credentials.accessToken();
        }
    }

    @Override
    public boolean refresh(String accountId) {
        if (staticTokens.containsKey(accountId)) {
            return false;
        }
        synchronized (lockOf(accountId)) {
            Account account = account(accountId);
            OAuthCredentials credentials = credentials(account);
            TokenEndpoint endpoint = endpointOf(account);
            if (!credentials.renewable() || endpoint == null) {
                return false;
            }
            try {
                renew(account, endpoint, credentials);
                return true;
            } catch (ProviderException e) {
                if (e.kind() == ProviderException.Kind.UNAUTHORIZED) {
                    return false; // invalid_grant: already marked "reconnect needed", its groups paused
                }
                throw e;
            }
        }
    }

    private Account account(String accountId) {
        return accounts.find(accountId).orElseThrow(() -> unauthorized(accountId, "account not connected"));
    }

    private OAuthCredentials credentials(Account account) {
        if (account.status() == AccountStatus.RECONNECT_NEEDED) {
            throw unauthorized(account.id(), "reconnect needed");
        }
        if (account.encryptedCredentials() == null) {
            throw unauthorized(account.id(), "no credentials stored");
        }
        return cipher.decrypt(account.id(), account.encryptedCredentials());
    }

    /** Rows from before accounts named their provider are Google's. */
    private TokenEndpoint endpointOf(Account account) {
        String provider = account.provider() == null || account.provider().isBlank() ? GOOGLE : account.provider();
        return tokenEndpoints.get(provider);
    }

    private OAuthCredentials renew(Account account, TokenEndpoint endpoint, OAuthCredentials credentials) {
        String accountId = account.id();
        TokenGrant grant;
        try {
            grant = endpoint.refresh(credentials.refreshToken());
        } catch (TokenEndpointException e) {
            if (e.invalidGrant()) {
                pauses.reconnectNeeded(accountId);
                throw unauthorized(accountId, "the grant was revoked or expired (invalid_grant)");
            }
            // An outage of the token endpoint is no reason to pause anything: the pass is retried later.
            LOG.log(Level.WARNING, "account {0}: token refresh failed: {1}", accountId, e.getMessage());
            throw new ProviderException(ProviderException.Kind.TRANSIENT, e.status(), "refreshFailed",
                    "account " + accountId + ": token refresh failed: " + e.getMessage());
        }
        OAuthCredentials renewed = credentials.renewedBy(grant);
        // Re-read: the row may have changed while the endpoint answered (a reconnect, a new display name).
        accounts.find(accountId).ifPresent(current -> accounts.save(new Account(current.id(), current.owner(),
                current.provider(), current.displayName(), current.email(), cipher.encrypt(accountId, renewed),
                current.status())));
        LOG.log(Level.DEBUG, "account {0}: access token renewed, valid until {1}", accountId, renewed.expiresAt());
        return renewed;
    }

    private Object lockOf(String accountId) {
        return locks.computeIfAbsent(accountId, id -> new Object());
    }

    private static ProviderException unauthorized(String accountId, String why) {
        return new ProviderException(ProviderException.Kind.UNAUTHORIZED, 401, "reconnectNeeded",
                "account " + accountId + ": " + why);
    }
}
