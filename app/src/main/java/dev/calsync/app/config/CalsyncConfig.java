package dev.calsync.app.config;

import dev.calsync.core.group.SyncGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated configuration: the file merged with environment overrides and defaults.
 * Load it with {@link ConfigLoader}; every instance it returns has passed every check.
 *
 * @param groups the sync groups, each group's mode already resolved against {@code sync.mode}
 * @param oauth     sign-in and account connection for {@code serve}
 * @param microsoft how to reach Microsoft Graph
 */
public record CalsyncConfig(
        StorageConfig storage,
        GoogleConfig google,
        SyncConfig sync,
        PushConfig push,
        List<AccountConfig> accounts,
        List<SyncGroup> groups,
        OAuthConfig oauth,
        MicrosoftConfig microsoft) {

    public CalsyncConfig {
        accounts = List.copyOf(accounts);
        groups = List.copyOf(groups);
        oauth = oauth == null ? OAuthConfig.DEFAULTS : oauth;
        microsoft = microsoft == null ? MicrosoftConfig.DEFAULTS : microsoft;
    }

    /** With Graph's default service root. */
    public CalsyncConfig(StorageConfig storage, GoogleConfig google, SyncConfig sync, PushConfig push,
                         List<AccountConfig> accounts, List<SyncGroup> groups, OAuthConfig oauth) {
        this(storage, google, sync, push, accounts, groups, oauth, MicrosoftConfig.DEFAULTS);
    }

    /** Without OAuth settings: what the CLI verbs need. */
    public CalsyncConfig(StorageConfig storage, GoogleConfig google, SyncConfig sync, PushConfig push,
                         List<AccountConfig> accounts, List<SyncGroup> groups) {
        this(storage, google, sync, push, accounts, groups, OAuthConfig.DEFAULTS, MicrosoftConfig.DEFAULTS);
    }

    public Optional<AccountConfig> account(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<SyncGroup> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** Account id to its static access token, in file order (accounts signed in with a token only). */
    public Map<String, String> accessTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        accounts.stream().filter(a -> a.accessToken() != null).forEach(a -> tokens.put(a.id(), a.accessToken()));
        return tokens;
    }
}
