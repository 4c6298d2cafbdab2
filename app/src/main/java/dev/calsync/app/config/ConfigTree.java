package dev.calsync.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads values out of a parsed YAML tree while collecting every problem with its path,
 * instead of stopping at the first one as data binding would.
 * Values of secret keys are never copied into a problem message.
 */
final class ConfigTree {

    private static final Set<String> SECRET_KEYS = Set.of("accessToken", "password", "clientSecret");

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<String, String> envSources;

    /** @param envSources path of each value that came from the environment, to the variable's name */
    ConfigTree(Map<String, String> envSources) {
        this.envSources = envSources;
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    void problem(String path, String message) {
        String env = envSources.get(path);
        problems.add(new ConfigProblem(env == null ? path : path + " (from " + env + ")", message));
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /** The mapping at {@code key}: empty if absent or null, empty if not a mapping (problem recorded). */
    ObjectNode mapping(ObjectNode parent, String key, String path, Set<String> allowedKeys) {
        return mapping(parent.get(key), child(path, key), allowedKeys);
    }

    ObjectNode mapping(JsonNode node, String path, Set<String> allowedKeys) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            problem(path, "must be a mapping of keys to values, was " + kind(node));
            return JsonNodeFactory.instance.objectNode();
        }
        ObjectNode object = (ObjectNode) node;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowedKeys.contains(name)) {
                problem(child(path, name), "unknown key" + suggestion(name, allowedKeys));
            }
        }
        return object;
    }

    /** A list entry that must be a mapping: empty (problem recorded) if it is anything else. */
    Optional<ObjectNode> entry(JsonNode node, String path, Set<String> allowedKeys) {
        if (node == null || !node.isObject()) {
            problem(path, "must be a mapping of keys to values, was "
                    + (node == null || node.isNull() ? "empty" : kind(node)));
            return Optional.empty();
        }
        return Optional.of(mapping(node, path, allowedKeys));
    }

    /** The list at {@code key}: empty if absent or null, empty if not a list (problem recorded). */
    List<JsonNode> list(ObjectNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        String at = child(path, key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(at, "must be a list, was " + kind(node));
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    /** A scalar as text; empty if absent or null, or if not a scalar (problem recorded). */
    Optional<String> text(ObjectNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        String at = child(path, key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            problem(at, "must be a single value, was " + kind(node));
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    /** Like {@link #text} but a missing or blank value is a problem. */
    Optional<String> requiredText(ObjectNode parent, String key, String path) {
        Optional<String> value = text(parent, key, path);
        if (value.isEmpty() && !hasNonNull(parent, key)) {
            problem(child(path, key), "required");
        } else if (value.isPresent() && value.get().isBlank()) {
            problem(child(path, key), "must not be blank");
            return Optional.empty();
        }
        return value;
    }

    Optional<Integer> integer(ObjectNode parent, String key, String path) {
        Optional<String> value = text(parent, key, path);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = parent.get(key);
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return Optional.of(node.intValue());
        }
        try {
            return Optional.of(Integer.parseInt(value.get().trim()));
        } catch (NumberFormatException e) {
            problem(child(path, key), "must be a whole number, was " + quoted(key, value.get()));
            return Optional.empty();
        }
    }

    /** How to show a value in a message: quoted, or masked when the key holds a secret. */
    static String quoted(String key, String value) {
        return SECRET_KEYS.contains(key) ? Secrets.MASK : "'" + value + "'";
    }

    private static boolean hasNonNull(ObjectNode parent, String key) {
        JsonNode node = parent.get(key);
        return node != null && !node.isNull();
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "a single value";
    }

    /** Typos such as {@code busytitle} or {@code calender} get the intended key suggested. */
    private static String suggestion(String name, Set<String> allowedKeys) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowedKeys) {
            int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        String allowed = String.join(", ", allowedKeys.stream().sorted().toList());
        if (best != null && bestDistance <= Math.max(1, best.length() / 3)) {
            return " (did you mean '" + best + "'?)";
        }
        return " (allowed: " + allowed + ")";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
