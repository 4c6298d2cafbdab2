package dev.calsync.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.app.accounts.CredentialCipher;
import dev.calsync.app.accounts.EncryptionKey;
import dev.calsync.app.accounts.OAuthCredentials;
import dev.calsync.caldav.CaldavAccount;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OAuth tokens and CalDAV logins are stored AES-GCM encrypted, bound to their account, and never shown in text. */
class CredentialsAtRestTest {

    private static final OAuthCredentials CREDENTIALS = new OAuthCredentials("access-secret", "refresh-secret",
            Instant.parse("2030-01-01T00:00:00Z"), "calendar");

    private final EncryptionKey key = EncryptionKey.random();

    @Test
    void encryptedCredentialsDecryptToTheSameAndHideTheTokens() {
        byte[] sealed = new CredentialCipher(key).encrypt("acc-1", CREDENTIALS);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("access-secret")
                .doesNotContain("refresh-secret");
        assertThat(new CredentialCipher(key).decrypt("acc-1", sealed)).isEqualTo(CREDENTIALS);
    }

    @Test
    void ciphertextCopiedToAnotherAccountOrReadWithAnotherKeyDoesNotDecrypt() {
        byte[] sealed = new CredentialCipher(key).encrypt("acc-1", CREDENTIALS);
        assertThatThrownBy(() -> new CredentialCipher(key).decrypt("acc-2", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new CredentialCipher(EncryptionKey.random()).decrypt("acc-1", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCaldavLoginIsSealedTheSameWayAndBoundToItsAccount() {
        CaldavAccount login = new CaldavAccount(URI.create("https://caldav.example/"), "carol", "app-password");
        byte[] sealed = new CredentialCipher(key).encrypt("c-1", login);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("app-password")
                .doesNotContain("caldav.example");
        assertThat(new CredentialCipher(key).decryptCaldav("c-1", sealed)).isEqualTo(login);
        assertThatThrownBy(() -> new CredentialCipher(key).decryptCaldav("c-2", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("app-password");
        assertThat(login.toString()).doesNotContain("app-password");
    }

    @Test
    void tokensNeverAppearInToString() {
        assertThat(CREDENTIALS.toString()).doesNotContain("access-secret").doesNotContain("refresh-secret");
        assertThat(key.toString()).isEqualTo("EncryptionKey(hidden)");
    }

    @Test
    void theKeyMustBeBase64Of32Bytes() {
        assertThat(EncryptionKey.fromEnvironment(Map.of())).isEmpty();
        String good = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(EncryptionKey.fromEnvironment(Map.of(EncryptionKey.VARIABLE, good))).isPresent();
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> EncryptionKey.fromEnvironment(Map.of(EncryptionKey.VARIABLE, shortKey)))
                .hasMessageContaining("32 bytes").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> EncryptionKey.fromEnvironment(Map.of(EncryptionKey.VARIABLE, "not base64!")))
                .hasMessageContaining("base64");
    }
}
