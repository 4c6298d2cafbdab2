package dev.calsync.app.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.caldav.CaldavAccount;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for account credentials (OAuth tokens, CalDAV logins). Layout: version byte, 12-byte nonce, ciphertext
 * with tag. The account id is the associated data, so a ciphertext copied onto another account's row does not
 * decrypt.
 */
public final class CredentialCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EncryptionKey key;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(EncryptionKey key) {
        this.key = key;
    }

    public byte[] encrypt(String accountId, OAuthCredentials credentials) {
        ObjectNode node = JSON.createObjectNode();
        node.put("accessToken", credentials.accessToken());
        node.put("refreshToken", credentials.refreshToken());
        node.put("expiresAt", credentials.expiresAt() == null ? null : credentials.expiresAt().toString());
        node.put("scope", credentials.scope());
        return seal(accountId, node);
    }

    /** A CalDAV account's server, login and password, sealed like OAuth tokens. */
    public byte[] encrypt(String accountId, CaldavAccount account) {
        ObjectNode node = JSON.createObjectNode();
        node.put("url", account.url().toString());
        node.put("username", account.username());
        node.put("password", account.password());
        return seal(accountId, node);
    }

    /** @throws IllegalStateException when the bytes were not sealed by this key for this account */
    public OAuthCredentials decrypt(String accountId, byte[] sealed) {
        ObjectNode node = open(accountId, sealed);
        String expiresAt = text(node, "expiresAt");
        return new OAuthCredentials(text(node, "accessToken"), text(node, "refreshToken"),
                expiresAt == null ? null : Instant.parse(expiresAt), text(node, "scope"));
    }

    /** @throws IllegalStateException when the bytes were not sealed by this key for this account */
    public CaldavAccount decryptCaldav(String accountId, byte[] sealed) {
        ObjectNode node = open(accountId, sealed);
        try {
            return new CaldavAccount(URI.create(text(node, "url")), text(node, "username"), text(node, "password"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("credentials of account " + accountId + " are not a CalDAV account");
        }
    }

    private byte[] seal(String accountId, ObjectNode node) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, accountId);
            byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(node));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot encrypt credentials of account " + accountId, e);
        }
    }

    private ObjectNode open(String accountId, byte[] sealed) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES || sealed[0] != VERSION) {
            throw new IllegalStateException("credentials of account " + accountId + " are unreadable");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(sealed, 1, nonce, 0, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, accountId);
            byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            return (ObjectNode) JSON.readTree(plain);
        } catch (GeneralSecurityException | IOException | ClassCastException e) {
            // Wrong key (CALSYNC_ENCRYPTION_KEY changed) or a row tampered with; the cause says which, not the data.
            throw new IllegalStateException("credentials of account " + accountId
                    + " cannot be decrypted with this CALSYNC_ENCRYPTION_KEY", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String accountId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static String text(ObjectNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
    }
}
