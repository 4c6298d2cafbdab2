package dev.calsync.caldav.write;

/** How a conditional PUT ended. */
public sealed interface PutOutcome {

    /** Written; the ETag the server now has for it (read back when the PUT's answer carried none). */
    record Written(String etag) implements PutOutcome {
    }

    /** 412: created with If-None-Match but it exists, or updated with an If-Match that no longer matches. */
    record PreconditionFailed() implements PutOutcome {
    }

    /** 404 on an update: nothing there to update. */
    record Missing() implements PutOutcome {
    }
}
