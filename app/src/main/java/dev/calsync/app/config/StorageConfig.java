package dev.calsync.app.config;

/**
 * Where sync state lives.
 *
 * @param url      JDBC URL; H2 file (embedded, the default) or PostgreSQL
 * @param user     database user, or null to let the driver decide (H2: {@code sa})
 * @param password database password, or null
 */
public record StorageConfig(String url, String user, String password) {

    public static final String DEFAULT_URL = "jdbc:h2:file:./data/calsync";

    @Override
    public String toString() {
        return "StorageConfig[url=" + Secrets.maskUrl(url) + ", user=" + user
                + ", password=" + Secrets.mask(password) + "]";
    }
}
