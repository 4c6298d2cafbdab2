package dev.calsync.caldav.read;

/**
 * What says whether a collection changed: its RFC 6578 {@code sync-token} and its calendarserver.org
 * {@code getctag}; either may be missing.
 */
public record CollectionTag(String syncToken, String ctag) {
}
