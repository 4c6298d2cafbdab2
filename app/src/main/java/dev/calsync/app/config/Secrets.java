package dev.calsync.app.config;

import java.util.regex.Pattern;

/** Keeps secrets out of logs, error messages and toString output. */
public final class Secrets {

    static final String MASK = "******";

    // JDBC drivers accept credentials inside the URL (PostgreSQL: ?password=..., H2: ;PASSWORD=...).
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private Secrets() {
    }

    /** A secret shown only as whether it is set. */
    public static String mask(String secret) {
        return secret == null ? "null" : MASK;
    }

    /** A JDBC URL with any embedded password replaced by the mask. */
    public static String maskUrl(String url) {
        return url == null ? null : URL_PASSWORD.matcher(url).replaceAll("$1" + MASK);
    }
}
