package dev.calsync.caldav.dav;

/**
 * A server's answer we cannot use (no multistatus, cut off, a required element missing). The message says
 * what was wrong, never what the server sent, which may hold event content.
 */
public class DavProtocolException extends RuntimeException {
    public DavProtocolException(String message) {
        super(message);
    }
}
