package dev.calsync.core.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChannelTokensTest {
    private static final String SECRET = "0123456789abcdefghijklmnopqrstuvwxyz";

    @Test
    void tokenIsAnHmacOfTheChannelIdThatAnyNodeCanCheck() {
        ChannelTokens one = new ChannelTokens(SECRET);
        ChannelTokens other = new ChannelTokens(SECRET);
        String token = one.tokenFor("6f1c1e0a-8a4e-4c55-9f53-3b0c6a2b7d11");
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(other.matches("6f1c1e0a-8a4e-4c55-9f53-3b0c6a2b7d11", token)).isTrue();
        assertThat(other.tokenFor("another")).isNotEqualTo(token);
    }

    @Test
    void forgedMissingOrForeignTokensDoNotMatch() {
        ChannelTokens tokens = new ChannelTokens(SECRET);
        String token = tokens.tokenFor("channel");
        assertThat(tokens.matches("channel", token + "x")).isFalse();
        assertThat(tokens.matches("channel", null)).isFalse();
        assertThat(tokens.matches(null, token)).isFalse();
        assertThat(new ChannelTokens(SECRET + "!").matches("channel", token)).isFalse();
        assertThat(tokens.matches("other", token)).isFalse();
    }

    @Test
    void aShortSecretIsRefusedAndTheSecretIsNeverPrinted() {
        assertThatThrownBy(() -> new ChannelTokens("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("short");
        assertThat(new ChannelTokens(SECRET).toString()).doesNotContain(SECRET);
    }
}
