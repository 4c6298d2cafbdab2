package dev.calsync.app.config;

/**
 * A calendar account declared in the file (the alternative to connecting one through OAuth).
 *
 * @param id          how groups refer to the account
 * @param provider    the calendar service; only {@code google} for now
 * @param accessToken static bearer token (emulators and tests); never printed
 * @param owner       the person the account belongs to, or null
 */
public record AccountConfig(String id, String provider, String accessToken, String owner) {

    @Override
    public String toString() {
        return "AccountConfig[id=" + id + ", provider=" + provider
                + ", accessToken=" + Secrets.mask(accessToken) + ", owner=" + owner + "]";
    }
}
