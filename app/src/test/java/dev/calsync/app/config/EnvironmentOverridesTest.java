package dev.calsync.app.config;

import static dev.calsync.app.config.ConfigFixtures.VALID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentOverridesTest {

    @Test
    void everyDocumentedVariableOverridesItsKey() {
        Map<String, String> env = Map.of(
                "CALSYNC_STORAGE_URL", "jdbc:postgresql://db:5432/calsync",
                "CALSYNC_STORAGE_USER", "calsync",
                "CALSYNC_STORAGE_PASSWORD", "pw-SECRET",
                "CALSYNC_GOOGLE_ROOT_URL", "http://emulator:9000",
                "CALSYNC_MICROSOFT_GRAPH_URL", "http://emulator:9000/graph/v1.0",
                "CALSYNC_SYNC_MODE", "full",
                "CALSYNC_SYNC_POLL_INTERVAL", "30s",
                "CALSYNC_PUSH_PUBLIC_URL", "https://calsync.example.com/",
                "CALSYNC_ACCOUNT_WORK_ACCESS_TOKEN", "env-token");

        CalsyncConfig config = new ConfigLoader(env).parse(VALID, "test.yml");

        assertThat(config.storage()).isEqualTo(
                new StorageConfig("jdbc:postgresql://db:5432/calsync", "calsync", "pw-SECRET"));
        assertThat(config.google().rootUrl()).isEqualTo("http://emulator:9000/");
        assertThat(config.microsoft().graphUrl()).isEqualTo("http://emulator:9000/graph/v1.0/");
        assertThat(config.sync()).isEqualTo(new SyncConfig(SyncMode.FULL, Duration.ofSeconds(30)));
        assertThat(config.groups()).extracting(SyncGroup::mode).containsExactly(SyncMode.FULL);
        assertThat(config.push().publicUrl()).isEqualTo("https://calsync.example.com/");
        assertThat(config.accessTokens()).containsEntry("work", "env-token")
                .containsEntry("home", ConfigFixtures.HOME_TOKEN);
    }

    @Test
    void tokenMayComeOnlyFromTheEnvironment() {
        String yaml = VALID.replace(", accessToken: \"" + ConfigFixtures.HOME_TOKEN + "\"", "");

        CalsyncConfig config = new ConfigLoader(Map.of("CALSYNC_ACCOUNT_HOME_ACCESS_TOKEN", "from-env"))
                .parse(yaml, "test.yml");

        assertThat(config.account("home")).get().extracting(AccountConfig::accessToken).isEqualTo("from-env");
    }

    @Test
    void accountIdIsUpperCasedWithPunctuationAsUnderscore() {
        assertThat(EnvironmentOverrides.accessTokenVariable("alice.work-2@x"))
                .isEqualTo("CALSYNC_ACCOUNT_ALICE_WORK_2_X_ACCESS_TOKEN");
    }

    @Test
    void variablesApplyWithoutAnyFile() {
        CalsyncConfig config = new ConfigLoader(Map.of("CALSYNC_STORAGE_URL", "jdbc:h2:mem:x")).defaults();

        assertThat(config.storage().url()).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void emptyVariableCountsAsUnset() {
        CalsyncConfig config = new ConfigLoader(Map.of("CALSYNC_SYNC_MODE", "")).parse(VALID, "test.yml");

        assertThat(config.sync().mode()).isEqualTo(SyncMode.INCREMENTAL);
    }

    @Test
    void invalidValueFromTheEnvironmentNamesTheVariable() {
        ConfigLoader loader = new ConfigLoader(Map.of("CALSYNC_SYNC_POLL_INTERVAL", "soon"));

        assertThatThrownBy(() -> loader.parse(VALID, "test.yml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .map(ConfigProblem::toString)
                        .containsExactly("sync.pollInterval (from CALSYNC_SYNC_POLL_INTERVAL): not a duration 'soon' "
                                + "(use e.g. 30s, 5m, 1h, 1d or PT5M)"));
    }
}
