package dev.calsync.app.config;

import static dev.calsync.app.config.ConfigFixtures.HOME_TOKEN;
import static dev.calsync.app.config.ConfigFixtures.VALID;
import static dev.calsync.app.config.ConfigFixtures.WORK_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Tokens and passwords never reach a log line, an error message or a toString. */
class SecretMaskingTest {

    private static final String PASSWORD = "db-pw-SECRET-3";

    @Test
    void configToStringMasksTokensAndPasswords() {
        CalsyncConfig config = new ConfigLoader(Map.of("CALSYNC_STORAGE_PASSWORD", PASSWORD)).parse(VALID, "t.yml");

        assertThat(config.toString())
                .doesNotContain(WORK_TOKEN, HOME_TOKEN, PASSWORD)
                .contains("accessToken=******", "password=******");
    }

    @Test
    void passwordInsideTheJdbcUrlIsMasked() {
        StorageConfig storage = new StorageConfig(
                "jdbc:postgresql://db/calsync?user=calsync&password=" + PASSWORD + "&ssl=true", null, null);

        assertThat(storage.toString()).doesNotContain(PASSWORD).contains("password=******&ssl=true");
    }

    @Test
    void unsetSecretShowsAsNull() {
        assertThat(new AccountConfig("a", "google", null, null).toString()).contains("accessToken=null");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "accounts:\n  - {id: work, accessToken: [\"%s\"]}\n",      // token of the wrong type
        "accounts:\n  - {id: work, accesToken: \"%s\"}\n",          // typo in the key
        "accounts:\n  - {id: work, accessToken: \"%s\": x}\n",      // malformed YAML on the token's line
        "storage: {url: \"jdbc:oracle:thin:@db?password=%s\"}\n",    // unsupported URL carrying a password
        "storage: {url: \"jdbc:h2:mem:x\", password: {v: \"%s\"}}\n",
    })
    void errorMessagesNeverContainTheSecret(String template) {
        String yaml = template.formatted(WORK_TOKEN);

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(Map.of()).parse(yaml, "t.yml"));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).doesNotContain(WORK_TOKEN);
    }
}
