package dev.calsync.caldav;

import java.net.URI;
import java.util.Objects;

/**
 * A configured CalDAV account.
 *
 * @param url      the server root, the principal or the calendar home; discovery goes on from there
 * @param password for iCloud and Fastmail an app-specific password; never printed
 */
public record CaldavAccount(URI url, String username, String password) {

    public CaldavAccount {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("CalDAV url must be http(s): " + url);
        }
    }

    /**
     * A calendar as a group names it: the collection's URL, a path on the account's server or absolute.
     *
     * @throws IllegalArgumentException when it is neither
     */
    public URI collection(String calendarId) {
        URI given = URI.create(calendarId.strip());
        URI absolute = given.isAbsolute() ? given : url.resolve(given);
        if (!"https".equalsIgnoreCase(absolute.getScheme()) && !"http".equalsIgnoreCase(absolute.getScheme())) {
            throw new IllegalArgumentException("not a CalDAV collection URL: " + calendarId);
        }
        return absolute.getRawPath().endsWith("/") ? absolute : URI.create(absolute + "/");
    }

    /** How {@link #collection} is written back: a path when it is on the account's own server. */
    public String calendarId(URI collection) {
        boolean sameOrigin = collection.getScheme().equalsIgnoreCase(url.getScheme())
                && Objects.equals(collection.getRawAuthority(), url.getRawAuthority());
        return sameOrigin ? collection.getRawPath() : collection.toString();
    }

    @Override
    public String toString() {
        return "CaldavAccount[" + url + ", " + username + ", password hidden]";
    }
}
