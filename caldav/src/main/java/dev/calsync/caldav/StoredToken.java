package dev.calsync.caldav;

import dev.calsync.caldav.read.CollectionTag;
import java.util.Optional;

/**
 * The token calsync stores for a CalDAV calendar: the collection's RFC 6578 sync-token, or its getctag on servers
 * without sync-collection, so an unchanged calendar is recognised by one PROPFIND.
 */
record StoredToken(Kind kind, String value) {
    enum Kind { SYNC, CTAG, NONE }

    static StoredToken of(CollectionTag tag) {
        if (tag.syncToken() != null) {
            return new StoredToken(Kind.SYNC, tag.syncToken());
        }
        return tag.ctag() != null ? new StoredToken(Kind.CTAG, tag.ctag()) : new StoredToken(Kind.NONE, "");
    }

    static Optional<StoredToken> parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return switch (text.substring(0, colon)) {
            case "sync" -> Optional.of(new StoredToken(Kind.SYNC, text.substring(colon + 1)));
            case "ctag" -> Optional.of(new StoredToken(Kind.CTAG, text.substring(colon + 1)));
            case "none" -> Optional.of(new StoredToken(Kind.NONE, ""));
            default -> Optional.empty();
        };
    }

    /** Does the collection still look as it did when this token was stored? */
    boolean unchanged(CollectionTag tag) {
        return switch (kind) {
            case SYNC -> value.equals(tag.syncToken());
            case CTAG -> tag.syncToken() == null && value.equals(tag.ctag());
            case NONE -> false;
        };
    }

    String text() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + value;
    }
}
