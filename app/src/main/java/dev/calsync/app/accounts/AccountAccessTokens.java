package dev.calsync.app.accounts;

import dev.calsync.core.provider.ProviderException;
import dev.calsync.google.AccessTokens;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of connected accounts, decrypted from {@link AccountStore} and renewed through the token endpoint
 * shortly before they expire or when Google refuses one. A refresh answered {@code invalid_grant} marks the account
 * "reconnect needed" and pauses its groups. Accounts declared in the config file keep their static tokens.
 */
public final class AccountAccessTokens implements AccessTokens {
    private static final System.Logger LOG = System.getLogger(AccountAccessTokens.class.getName());

    private final AccountStore accounts;
    private final CredentialCipher cipher;
    private final TokenEndpoint tokenEndpoint;
    private final AccountPauses pauses;
    private final Clock clock;
    private final Map<String, String> staticTokens;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** @param tokenEndpoint null where nothing can be renewed (the demo) */
    public AccountAccessTokens(AccountStore accounts, CredentialCipher cipher, TokenEndpoint tokenEndpoint,
                               AccountPauses pauses, Clock clock, Map<String, String> staticTokens) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.tokenEndpoint = tokenEndpoint;
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
            GoogleCredentials credentials = credentials(accountId);
            if (credentials.expiresSoon(clock.instant()) && credentials.renewable() && tokenEndpoint != null) {
                credentials = renew(accountId, credentials);
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
            GoogleCredentials credentials = credentials(accountId);
            if (!credentials.renewable() || tokenEndpoint == null) {
                return false;
            }
            try {
                renew(accountId, credentials);
                return true;
            } catch (ProviderException e) {
                if (e.kind() == ProviderException.Kind.UNAUTHORIZED) {
                    return false; // invalid_grant: already marked "reconnect needed", its groups paused
                }
                throw e;
            }
        }
    }

    private GoogleCredentials credentials(String accountId) {
        Account account = accounts.find(accountId).orElseThrow(() -> unauthorized(accountId, "account not connected"));
        if (account.status() == AccountStatus.RECONNECT_NEEDED) {
            throw unauthorized(accountId, "reconnect needed");
        }
        if (account.encryptedCredentials() == null) {
            throw unauthorized(accountId, "no credentials stored");
        }
        return cipher.decrypt(accountId, account.encryptedCredentials());
    }

    private GoogleCredentials renew(String accountId, GoogleCredentials credentials) {
        TokenGrant grant;
        try {
            grant = tokenEndpoint.refresh(credentials.refreshToken());
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
        GoogleCredentials renewed = credentials.renewedBy(grant);
        accounts.find(accountId).ifPresent(account -> accounts.save(new Account(account.id(), account.owner(),
                account.provider(), account.displayName(), account.email(), cipher.encrypt(accountId, renewed),
                account.status())));
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
