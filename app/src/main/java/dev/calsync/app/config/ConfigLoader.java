package dev.calsync.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.calsync.core.group.SyncGroup;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads calsync's YAML configuration, applies environment overrides and defaults, and validates
 * everything, throwing one {@link ConfigException} that lists every problem found.
 */
public final class ConfigLoader {

    /** Looked for in the current directory when no file is named. */
    public static final String DEFAULT_FILE_NAME = "calsync.yml";

    private static final Set<String> ROOT_KEYS = Set.of("storage", "google", "microsoft", "sync", "push", "accounts",
            "groups", "oauth");

    // Duplicate keys would otherwise silently keep the last value.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Map<String, String> env;

    /** @param env the environment to take overrides from; {@code System.getenv()} in production */
    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static ConfigLoader withSystemEnvironment() {
        return new ConfigLoader(System.getenv());
    }

    /** Reads {@code file}; problems are reported against the file's name as given. */
    public CalsyncConfig load(Path file) {
        return load(file, file.toString());
    }

    /** Reads {@code file}; problems are reported against {@code label}. */
    public CalsyncConfig load(Path file, String label) {
        String yaml;
        try {
            if (Files.isDirectory(file)) {
                throw failure(label, "is a directory, not a file");
            }
            // A strict decoder: a file saved in another encoding is reported, not silently garbled.
            yaml = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw failure(label, "file not found");
        } catch (AccessDeniedException e) {
            throw failure(label, "cannot read the file: permission denied");
        } catch (CharacterCodingException e) {
            throw failure(label, "not UTF-8 text");
        } catch (IOException e) {
            throw failure(label, "cannot read the file: " + e.getMessage());
        }
        return parse(yaml, label);
    }

    /** No file: defaults plus environment overrides (a server whose accounts come from OAuth). */
    public CalsyncConfig defaults() {
        return bind(JsonNodeFactory.instance.objectNode(), "environment");
    }

    /** Parses YAML text; {@code label} names its source in problems. */
    public CalsyncConfig parse(String yaml, String label) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw failure(label, syntaxError(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = JsonNodeFactory.instance.objectNode();
        }
        if (!root.isObject()) {
            throw failure(label, "the file must be a mapping of keys (storage, google, sync, push, accounts, groups)");
        }
        return bind((ObjectNode) root, label);
    }

    private CalsyncConfig bind(ObjectNode root, String label) {
        Map<String, String> envSources = EnvironmentOverrides.apply(root, env);
        ConfigTree tree = new ConfigTree(envSources);
        tree.mapping(root, "", ROOT_KEYS);
        SettingsBinder settings = new SettingsBinder(tree);
        StorageConfig storage = settings.storage(root);
        GoogleConfig google = settings.google(root);
        MicrosoftConfig microsoft = settings.microsoft(root);
        SyncConfig sync = settings.sync(root);
        PushConfig push = settings.push(root);
        OAuthConfig oauth = settings.oauth(root);
        List<AccountConfig> accounts = new AccountsBinder(tree).accounts(root);
        List<SyncGroup> groups = new GroupsBinder(tree, settings).groups(root, accounts, sync.mode());
        if (!tree.problems().isEmpty()) {
            throw new ConfigException(label, tree.problems());
        }
        return new CalsyncConfig(storage, google, sync, push, accounts, groups, oauth, microsoft);
    }

    /**
     * "line L, column C: problem" without the parser's excerpt of the offending line,
     * which could contain a secret.
     */
    private static String syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": "
                    + "malformed YAML: " + yaml.getProblem();
        }
        JsonLocation location = e.getLocation();
        String message = e.getOriginalMessage();
        if (location != null && location.getLineNr() > 0) {
            return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + message;
        }
        return message;
    }

    private static ConfigException failure(String label, String message) {
        return new ConfigException(label, List.of(new ConfigProblem("", message)));
    }
}
