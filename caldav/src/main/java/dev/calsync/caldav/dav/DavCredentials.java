package dev.calsync.caldav.dav;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** HTTP Basic credentials (for iCloud and Fastmail an app-specific password). Never printed. */
public final class DavCredentials {
    private final String username;
    private final String authorization;

    public DavCredentials(String username, String password) {
        this.username = Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public String username() {
        return username;
    }

    String authorizationHeader() {
        return authorization;
    }

    @Override
    public String toString() {
        return "DavCredentials[" + username + ", password hidden]";
    }
}
