package dev.calsync.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Environment variables that override keys of the file, so secrets and per-deployment
 * settings need not sit in it. They are written into the YAML tree before validation,
 * so an overridden value is checked exactly like one from the file.
 * An empty variable counts as unset (container tools often pass empty strings).
 */
public final class EnvironmentOverrides {

    /** Variable name to the path it overrides, in the order the README documents them. */
    public static final Map<String, String> VARIABLES = variables();

    private EnvironmentOverrides() {
    }

    private static Map<String, String> variables() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("CALSYNC_STORAGE_URL", "storage.url");
        vars.put("CALSYNC_STORAGE_USER", "storage.user");
        vars.put("CALSYNC_STORAGE_PASSWORD", "storage.password");
        vars.put("CALSYNC_GOOGLE_ROOT_URL", "google.rootUrl");
        vars.put("CALSYNC_MICROSOFT_GRAPH_URL", "microsoft.graphUrl");
        vars.put("CALSYNC_MICROSOFT_CLIENT_ID", "microsoft.clientId");
        vars.put("CALSYNC_MICROSOFT_CLIENT_SECRET", "microsoft.clientSecret");
        vars.put("CALSYNC_MICROSOFT_TENANT", "microsoft.tenant");
        vars.put("CALSYNC_MICROSOFT_AUTHORITY_URL", "microsoft.authorityUrl");
        vars.put("CALSYNC_SYNC_MODE", "sync.mode");
        vars.put("CALSYNC_SYNC_POLL_INTERVAL", "sync.pollInterval");
        vars.put("CALSYNC_PUSH_PUBLIC_URL", "push.publicUrl");
        vars.put("CALSYNC_OAUTH_ISSUER_URI", "oauth.issuerUri");
        vars.put("CALSYNC_OAUTH_CLIENT_ID", "oauth.clientId");
        vars.put("CALSYNC_OAUTH_CLIENT_SECRET", "oauth.clientSecret");
        vars.put("CALSYNC_OAUTH_AUTHORIZATION_URI", "oauth.authorizationUri");
        vars.put("CALSYNC_OAUTH_TOKEN_URI", "oauth.tokenUri");
        return Collections.unmodifiableMap(vars);
    }

    /**
     * The variable holding an account's access token: {@code CALSYNC_ACCOUNT_<ID>_ACCESS_TOKEN}
     * with the id upper-cased and every character other than a letter or digit turned into '_'.
     */
    public static String accessTokenVariable(String accountId) {
        return accountVariable(accountId, "ACCESS_TOKEN");
    }

    /** The variable holding a CalDAV account's password: {@code CALSYNC_ACCOUNT_<ID>_PASSWORD}. */
    public static String passwordVariable(String accountId) {
        return accountVariable(accountId, "PASSWORD");
    }

    private static String accountVariable(String accountId, String what) {
        String id = accountId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        return "CALSYNC_ACCOUNT_" + id + "_" + what;
    }

    /**
     * Writes the set variables into {@code root}.
     *
     * @return the path of every value written, to the variable it came from
     */
    static Map<String, String> apply(ObjectNode root, Map<String, String> env) {
        Map<String, String> sources = new HashMap<>();
        VARIABLES.forEach((variable, path) -> {
            String value = env.get(variable);
            if (value == null || value.isEmpty()) {
                return;
            }
            String[] keys = path.split("\\.");
            JsonNode section = root.get(keys[0]);
            if (section == null || section.isNull()) {
                section = root.putObject(keys[0]);
            }
            // A section of the wrong type is reported by the binder; nothing to override in it.
            if (section instanceof ObjectNode object) {
                object.put(keys[1], value);
                sources.put(path, variable);
            }
        });
        if (root.get("accounts") instanceof ArrayNode accounts) {
            for (int i = 0; i < accounts.size(); i++) {
                if (accounts.get(i) instanceof ObjectNode account && account.path("id").isValueNode()) {
                    String accountId = account.get("id").asText();
                    Map<String, String> secrets = Map.of("accessToken", accessTokenVariable(accountId),
                            "password", passwordVariable(accountId));
                    for (Map.Entry<String, String> secret : secrets.entrySet()) {
                        String value = env.get(secret.getValue());
                        if (value != null && !value.isEmpty()) {
                            account.put(secret.getKey(), value);
                            sources.put("accounts[" + i + "]." + secret.getKey(), secret.getValue());
                        }
                    }
                }
            }
        }
        return sources;
    }
}
