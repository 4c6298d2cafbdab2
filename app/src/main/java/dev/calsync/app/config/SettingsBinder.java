package dev.calsync.app.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.group.SyncMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Binds the global sections: storage, google, microsoft, sync, push, oauth. */
final class SettingsBinder {

    private static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);

    private final ConfigTree tree;

    SettingsBinder(ConfigTree tree) {
        this.tree = tree;
    }

    StorageConfig storage(ObjectNode root) {
        ObjectNode node = tree.mapping(root, "storage", "", Set.of("url", "user", "password"));
        String url = tree.text(node, "url", "storage").orElse(StorageConfig.DEFAULT_URL).trim();
        String lower = url.toLowerCase(Locale.ROOT);
        // The URL is not echoed: it may carry a password.
        if (!lower.startsWith("jdbc:")) {
            tree.problem("storage.url", "not a JDBC URL (expected jdbc:h2:... or jdbc:postgresql://...)");
        } else if (!lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:postgresql:")) {
            tree.problem("storage.url", "unsupported database (supported: jdbc:h2:... and jdbc:postgresql://...)");
        }
        return new StorageConfig(url,
                tree.text(node, "user", "storage").orElse(null),
                tree.text(node, "password", "storage").orElse(null));
    }

    GoogleConfig google(ObjectNode root) {
        ObjectNode node = tree.mapping(root, "google", "", Set.of("rootUrl"));
        String rootUrl = tree.text(node, "rootUrl", "google").orElse(GoogleConfig.DEFAULT_ROOT_URL);
        if (!Urls.isHttpUrl(rootUrl)) {
            tree.problem("google.rootUrl", "not a http(s) URL: '" + rootUrl + "'");
        }
        return new GoogleConfig(Urls.withTrailingSlash(rootUrl));
    }

    MicrosoftConfig microsoft(ObjectNode root) {
        ObjectNode node = tree.mapping(root, "microsoft", "",
                Set.of("graphUrl", "clientId", "clientSecret", "tenant", "authorityUrl"));
        String graphUrl = tree.text(node, "graphUrl", "microsoft").orElse(MicrosoftConfig.DEFAULT_GRAPH_URL);
        if (!Urls.isHttpUrl(graphUrl)) {
            tree.problem("microsoft.graphUrl", "not a http(s) URL: '" + graphUrl + "' (Graph's service root, e.g. "
                    + MicrosoftConfig.DEFAULT_GRAPH_URL + ")");
        }
        String tenant = tree.text(node, "tenant", "microsoft").map(String::trim).orElse(MicrosoftConfig.DEFAULT_TENANT);
        if (!tenant.matches("[A-Za-z0-9.-]{1,100}")) {
            tree.problem("microsoft.tenant", "not a tenant: use common, organizations, consumers, a directory id or a"
                    + " domain");
        }
        return new MicrosoftConfig(Urls.withTrailingSlash(graphUrl),
                tree.text(node, "clientId", "microsoft").map(String::trim).orElse(null),
                tree.text(node, "clientSecret", "microsoft").orElse(null),
                tenant,
                optionalUrl(node, "authorityUrl", "microsoft").orElse(null));
    }

    SyncConfig sync(ObjectNode root) {
        ObjectNode node = tree.mapping(root, "sync", "", Set.of("mode", "pollInterval"));
        SyncMode mode = mode(node, "sync").orElse(SyncMode.INCREMENTAL);
        Duration pollInterval = SyncConfig.DEFAULT_POLL_INTERVAL;
        Optional<String> text = tree.text(node, "pollInterval", "sync");
        if (text.isPresent()) {
            try {
                pollInterval = Durations.parse(text.get());
                if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
                    tree.problem("sync.pollInterval", "must be at least 1s, was '" + text.get() + "'");
                }
            } catch (IllegalArgumentException e) {
                tree.problem("sync.pollInterval", e.getMessage());
            }
        }
        return new SyncConfig(mode, pollInterval);
    }

    PushConfig push(ObjectNode root) {
        ObjectNode node = tree.mapping(root, "push", "", Set.of("publicUrl"));
        Optional<String> publicUrl = tree.text(node, "publicUrl", "push");
        if (publicUrl.isPresent() && !Urls.isHttpUrl(publicUrl.get())) {
            tree.problem("push.publicUrl", "not a http(s) URL: '" + publicUrl.get() + "'");
        }
        return new PushConfig(publicUrl.map(String::trim).orElse(null));
    }

    OAuthConfig oauth(ObjectNode root) {
        ObjectNode node = tree.mapping(root, "oauth", "",
                Set.of("issuerUri", "clientId", "clientSecret", "authorizationUri", "tokenUri"));
        String issuer = optionalUrl(node, "issuerUri", "oauth").orElse(OAuthConfig.DEFAULT_ISSUER_URI);
        return new OAuthConfig(issuer,
                tree.text(node, "clientId", "oauth").map(String::trim).orElse(null),
                tree.text(node, "clientSecret", "oauth").orElse(null),
                optionalUrl(node, "authorizationUri", "oauth").orElse(null),
                optionalUrl(node, "tokenUri", "oauth").orElse(null));
    }

    private Optional<String> optionalUrl(ObjectNode node, String key, String path) {
        Optional<String> url = tree.text(node, key, path).map(String::trim);
        if (url.isPresent() && !Urls.isHttpUrl(url.get())) {
            tree.problem(ConfigTree.child(path, key), "not a http(s) URL: '" + url.get() + "'");
            return Optional.empty();
        }
        return url;
    }

    /** A {@code mode} key, shared by the sync section and each group. */
    Optional<SyncMode> mode(ObjectNode node, String path) {
        Optional<String> text = tree.text(node, "mode", path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SyncMode.parse(text.get()));
        } catch (IllegalArgumentException e) {
            tree.problem(ConfigTree.child(path, "mode"), e.getMessage());
            return Optional.empty();
        }
    }
}
