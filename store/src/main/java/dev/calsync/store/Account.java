package dev.calsync.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * A connected calendar account.
 *
 * @param provider             "google" (later "caldav", "microsoft")
 * @param encryptedCredentials the provider tokens, encrypted by the app (AES-GCM) before they reach the store;
 *                             null for accounts with a static token from the config
 */
public record Account(String id, String owner, String provider, String displayName, String email,
                      byte[] encryptedCredentials, AccountStatus status) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(provider, "provider");
        status = status == null ? AccountStatus.ACTIVE : status;
        encryptedCredentials = encryptedCredentials == null ? null : encryptedCredentials.clone();
    }

    @Override
    public byte[] encryptedCredentials() {
        return encryptedCredentials == null ? null : encryptedCredentials.clone();
    }

    public Account withStatus(AccountStatus newStatus) {
        return new Account(id, owner, provider, displayName, email, encryptedCredentials, newStatus);
    }

    // Records compare arrays by identity; credentials must compare by content.
    @Override
    public boolean equals(Object other) {
        return other instanceof Account a && id.equals(a.id) && owner.equals(a.owner) && provider.equals(a.provider)
                && Objects.equals(displayName, a.displayName) && Objects.equals(email, a.email)
                && Arrays.equals(encryptedCredentials, a.encryptedCredentials) && status == a.status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, owner, provider, displayName, email, Arrays.hashCode(encryptedCredentials), status);
    }

    /** Never prints the credentials, not even encrypted: secrets stay out of logs. */
    @Override
    public String toString() {
        return "Account[id=" + id + ", owner=" + owner + ", provider=" + provider + ", displayName=" + displayName
                + ", email=" + email + ", credentials=" + (encryptedCredentials == null ? "none" : "(hidden)")
                + ", status=" + status + "]";
    }
}
