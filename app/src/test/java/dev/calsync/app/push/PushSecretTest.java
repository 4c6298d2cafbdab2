package dev.calsync.app.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.config.ConfigLoader;
import dev.calsync.app.server.ServerSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushSecretTest {
    private static final String SECRET = "0123456789abcdefghijklmnopqrstuvwxyz";

    private static ServerSettings settings(String yaml) {
        return new ServerSettings(new ConfigLoader(Map.of()).parse(yaml, "test"), EncryptionKey.random(),
                ServerSettings.Mode.SERVE, 0);
    }

    @Test
    void pushOnNeedsASecretOfAtLeast32CharactersAndNamesNoSecret() {
        ServerSettings push = settings("push: {publicUrl: \"https://calsync.example.com/\"}\n");
        assertThatThrownBy(() -> PushConfiguration.channelTokens(push, new PushProperties(null, null, null, null,
                null, null))).isInstanceOf(IllegalStateException.class).hasMessageContaining("CALSYNC_PUSH_SECRET");
        assertThatThrownBy(() -> PushConfiguration.channelTokens(push, new PushProperties("tooShortSecret", null,
                null, null, null, null))).hasMessageContaining("too short").hasMessageNotContaining("tooShortSecret");
        assertThat(PushConfiguration.channelTokens(push, new PushProperties(SECRET, null, null, null, null, null)))
                .isNotNull();
    }

    @Test
    void theSettingsNeverPrintTheSecret() {
        assertThat(new PushProperties(SECRET, null, null, null, null, null).toString()).doesNotContain(SECRET);
    }

    @Test
    void pushOffNeedsNoSecret() {
        ServerSettings poll = settings("sync: {pollInterval: 5m}\n");
        assertThat(PushConfiguration.channelTokens(poll, new PushProperties(null, null, null, null, null, null)))
                .isNull();
    }
}
