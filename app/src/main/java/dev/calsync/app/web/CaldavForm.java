package dev.calsync.app.web;

import dev.calsync.caldav.CaldavAccount;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * "Connect a CalDAV account" as posted. {@link #problems()} names each wrong field in words, keyed by field. The
 * password is kept only for the one attempt: it is never put back into the page.
 */
public record CaldavForm(String url, String username, String password) {
    static final int MAX_URL = 2000;
    static final int MAX_USERNAME = 320;
    static final int MAX_PASSWORD = 1000;

    public CaldavForm {
        url = url == null ? "" : url.strip();
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
    }

    public static CaldavForm blank() {
        return new CaldavForm("", "", "");
    }

    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (url.isEmpty()) {
            problems.put("url", "Server URL is required.");
        } else if (url.length() > MAX_URL) {
            problems.put("url", "Server URL: at most " + MAX_URL + " characters.");
        } else if (!webAddress(url)) {
            problems.put("url", "Server URL: an http:// or https:// address, such as https://caldav.icloud.com/.");
        }
        if (username.isEmpty()) {
            problems.put("username", "Username is required.");
        } else if (username.length() > MAX_USERNAME) {
            problems.put("username", "Username: at most " + MAX_USERNAME + " characters.");
        }
        if (password.isEmpty()) {
            problems.put("password", "App-specific password is required.");
        } else if (password.length() > MAX_PASSWORD) {
            problems.put("password", "App-specific password: at most " + MAX_PASSWORD + " characters.");
        }
        return problems;
    }

    /** Only when {@link #problems()} is empty. */
    public CaldavAccount login() {
        return new CaldavAccount(URI.create(url), username, password);
    }

    /** The form to show again: what was typed, without the password. */
    public CaldavForm withoutPassword() {
        return new CaldavForm(url, username, "");
    }

    private static boolean webAddress(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "CaldavForm[" + url + ", " + username + ", password hidden]";
    }
}
