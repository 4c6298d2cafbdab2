package dev.calsync.caldav.write;

import dev.calsync.caldav.dav.DavClient;
import dev.calsync.caldav.dav.DavFailures;
import dev.calsync.caldav.dav.DavRequest;
import dev.calsync.caldav.dav.DavResponse;
import dev.calsync.caldav.read.CalendarResource;
import dev.calsync.caldav.read.CollectionReader;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import java.net.URI;
import java.util.Optional;

/**
 * Conditional writes of one calendar member (RFC 4791 §5.3.2, RFC 7232): create only if absent
 * ({@code If-None-Match: *}), replace or delete only the version read ({@code If-Match: <etag>}). Races show up as
 * 412 and are the caller's to resolve; nothing here overwrites a version it has not seen.
 */
public final class ResourceStore {
    private final DavClient client;
    private final CollectionReader reader;

    public ResourceStore(DavClient client, CollectionReader reader) {
        this.client = client;
        this.reader = reader;
    }

    public Optional<CalendarResource> read(URI href, CalendarRef calendar) {
        return reader.get(href, calendar);
    }

    public PutOutcome create(URI href, String ics, CalendarRef calendar) {
        return put(DavRequest.put(href, ics, "If-None-Match", "*"), calendar, CallKind.INSERT);
    }

    /** @param etag the version read; null writes over whatever version exists (If-Match: *), never creates */
    public PutOutcome replace(URI href, String ics, String etag, CalendarRef calendar) {
        return put(DavRequest.put(href, ics, "If-Match", etag == null ? "*" : etag), calendar, CallKind.UPDATE);
    }

    /** How a conditional DELETE ended. */
    public enum Deleted { DELETED, ALREADY_GONE, PRECONDITION_FAILED }

    /** @param etag the version read, or null to delete whatever version exists */
    public Deleted delete(URI href, String etag, CalendarRef calendar) {
        DavRequest request = DavRequest.delete(href, etag);
        DavResponse response = client.send(request, calendar, CallKind.DELETE);
        if (response.successful()) {
            return Deleted.DELETED;
        }
        return switch (response.status()) {
            case 404, 410 -> Deleted.ALREADY_GONE;
            case 412 -> Deleted.PRECONDITION_FAILED;
            default -> throw DavFailures.unexpected(request, response);
        };
    }

    private PutOutcome put(DavRequest request, CalendarRef calendar, CallKind kind) {
        DavResponse response = client.send(request, calendar, kind);
        if (response.successful()) {
            Optional<String> etag = response.etag();
            if (etag.isPresent()) {
                return new PutOutcome.Written(etag.get());
            }
            // The server may have rewritten what we sent and then gives no ETag: read the version it keeps.
            return new PutOutcome.Written(reader.get(request.uri(), calendar).map(CalendarResource::etag).orElse(null));
        }
        return switch (response.status()) {
            case 412 -> new PutOutcome.PreconditionFailed();
            case 404 -> new PutOutcome.Missing();
            default -> throw DavFailures.unexpected(request, response);
        };
    }
}
