package dev.calsync.core.provider;

import java.util.Map;
import java.util.Objects;

/** Fixed tokens per account, declared in config: the emulators, tests, short-lived manual setups. */
public final class StaticAccessTokens implements AccessTokens {

    private final Map<String, String> tokensByAccount;

    public StaticAccessTokens(Map<String, String> tokensByAccount) {
        this.tokensByAccount = Map.copyOf(Objects.requireNonNull(tokensByAccount, "tokensByAccount"));
    }

    public static StaticAccessTokens of(String accountId, String token) {
        return new StaticAccessTokens(Map.of(accountId, token));
    }

    @Override
    public String accessToken(String accountId) {
        String token = tokensByAccount.get(accountId);
        if (token == null) {
            throw new ProviderException(ProviderException.Kind.UNAUTHORIZED, 0, "noToken",
                    "no access token configured for account " + accountId);
        }
        return token;
    }

    /** A fixed token cannot be renewed: a 401 means the account has to be reconfigured. */
    @Override
    public boolean refresh(String accountId) {
        return false;
    }

    @Override
    public String toString() {
        return "StaticAccessTokens" + tokensByAccount.keySet(); // never the tokens themselves
    }
}
