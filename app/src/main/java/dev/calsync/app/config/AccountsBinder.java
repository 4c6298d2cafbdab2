package dev.calsync.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds {@code accounts}. */
final class AccountsBinder {

    static final String GOOGLE = "google";
    static final String CALDAV = "caldav";
    static final String MICROSOFT = "microsoft";
    private static final Set<String> PROVIDERS = Set.of(GOOGLE, CALDAV, MICROSOFT);
    private static final Set<String> KEYS = Set.of("id", "provider", "accessToken", "owner", "url", "username",
            "password");

    private final ConfigTree tree;

    AccountsBinder(ConfigTree tree) {
        this.tree = tree;
    }

    List<AccountConfig> accounts(ObjectNode root) {
        List<AccountConfig> accounts = new ArrayList<>();
        Map<String, String> pathById = new HashMap<>();
        Map<String, String> idByTokenVariable = new HashMap<>();
        List<JsonNode> items = tree.list(root, "accounts", "");
        for (int i = 0; i < items.size(); i++) {
            String path = ConfigTree.element("accounts", i);
            Optional<ObjectNode> entry = tree.entry(items.get(i), path, KEYS);
            if (entry.isEmpty()) {
                continue;
            }
            ObjectNode node = entry.get();
            Optional<String> id = tree.requiredText(node, "id", path);
            String idPath = ConfigTree.child(path, "id");
            if (id.isPresent()) {
                String invalid = Ids.check(id.get());
                if (invalid != null) {
                    tree.problem(idPath, invalid);
                } else if (pathById.containsKey(id.get())) {
                    tree.problem(idPath, "duplicate account id '" + id.get() + "' (first at "
                            + pathById.get(id.get()) + ")");
                } else {
                    pathById.put(id.get(), path);
                    String variable = EnvironmentOverrides.accessTokenVariable(id.get());
                    String clash = idByTokenVariable.putIfAbsent(variable, id.get());
                    if (clash != null) {
                        tree.problem(idPath, "accounts '" + clash + "' and '" + id.get()
                                + "' would share the environment variable " + variable + "; rename one");
                    }
                }
            }
            String provider = tree.text(node, "provider", path).orElse(GOOGLE).trim();
            if (!PROVIDERS.contains(provider)) {
                tree.problem(ConfigTree.child(path, "provider"),
                        "unsupported provider '" + provider + "' (supported: " + GOOGLE + ", " + CALDAV + ", "
                                + MICROSOFT + ")");
            }
            Optional<String> token = tree.text(node, "accessToken", path);
            Optional<String> url = tree.text(node, "url", path);
            Optional<String> username = tree.text(node, "username", path);
            Optional<String> password = tree.text(node, "password", path);
            if (CALDAV.equals(provider)) {
                checkCaldav(path, id, url, username, password);
            } else if (token.isEmpty() || token.get().isBlank()) {
                String hint = id.map(EnvironmentOverrides::accessTokenVariable)
                        .map(v -> " (set it here or in " + v + ")").orElse("");
                tree.problem(ConfigTree.child(path, "accessToken"), "required" + hint);
            }
            Optional<String> owner = tree.text(node, "owner", path);
            if (owner.isPresent() && owner.get().isBlank()) {
                tree.problem(ConfigTree.child(path, "owner"), "must not be blank");
            }
            id.ifPresent(value -> accounts.add(new AccountConfig(value, provider,
                    token.map(String::trim).orElse(null), owner.orElse(null), url.map(String::trim).orElse(null),
                    username.orElse(null), password.orElse(null))));
        }
        return accounts;
    }

    /** A CalDAV account names its server, its user and (here or in the environment) its password. */
    private void checkCaldav(String path, Optional<String> id, Optional<String> url, Optional<String> username,
                             Optional<String> password) {
        if (url.isEmpty() || url.get().isBlank()) {
            tree.problem(ConfigTree.child(path, "url"), "required for a caldav account (the server, e.g. "
                    + "https://caldav.icloud.com/)");
        } else if (!url.get().trim().matches("(?i)https?://[^/\\s]+(/.*)?")) {
            tree.problem(ConfigTree.child(path, "url"), "not an http(s) URL '" + url.get().trim() + "'");
        }
        if (username.isEmpty() || username.get().isBlank()) {
            tree.problem(ConfigTree.child(path, "username"), "required for a caldav account");
        }
        if (password.isEmpty() || password.get().isEmpty()) {
            String hint = id.map(EnvironmentOverrides::passwordVariable)
                    .map(v -> " (set it here or in " + v + ")").orElse("");
            tree.problem(ConfigTree.child(path, "password"), "required for a caldav account" + hint);
        }
    }
}
