package dev.calsync.app.security;

import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person behind a request. {@code id} is what groups and accounts are owned by: the OpenID Connect subject in
 * {@code serve} (stable, unlike an address), the demo user's name in {@code demo}.
 */
public record SignedInUser(String id, String displayName) {

    public SignedInUser {
        Objects.requireNonNull(id, "id");
    }

    public static SignedInUser of(Authentication authentication) {
        if (authentication.getPrincipal() instanceof OidcUser oidc) {
            String shown = oidc.getEmail() != null ? oidc.getEmail() : oidc.getSubject();
            return new SignedInUser(oidc.getSubject(), shown);
        }
        return new SignedInUser(authentication.getName(), authentication.getName());
    }
}
