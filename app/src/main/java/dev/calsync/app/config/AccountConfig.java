package dev.calsync.app.config;

/**
 * A calendar account declared in the file (the alternative to connecting one through OAuth).
 *
 * @param id          how groups refer to the account
 * @param provider    the calendar service: {@code google}, {@code caldav} or {@code microsoft}
 * @param accessToken static bearer token (Google, Microsoft: emulators and tests); never printed
 * @param owner       the person the account belongs to, or null
 * @param url         CalDAV: the server root, principal or calendar home; else null
 * @param username    CalDAV: the user name; else null
 * @param password    CalDAV: the (app-specific) password; never printed
 */
public record AccountConfig(String id, String provider, String accessToken, String owner, String url, String username,
                            String password) {

    public AccountConfig(String id, String provider, String accessToken, String owner) {
        this(id, provider, accessToken, owner, null, null, null);
    }

    @Override
    public String toString() {
        return "AccountConfig[id=" + id + ", provider=" + provider + ", accessToken=" + Secrets.mask(accessToken)
                + ", owner=" + owner + ", url=" + url + ", username=" + username + ", password="
                + Secrets.mask(password) + "]";
    }
}
