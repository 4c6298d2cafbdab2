package dev.calsync.caldav.read;

import dev.calsync.caldav.dav.DavBodies;
import dev.calsync.caldav.dav.DavClient;
import dev.calsync.caldav.dav.DavFailures;
import dev.calsync.caldav.dav.DavNames;
import dev.calsync.caldav.dav.DavRequest;
import dev.calsync.caldav.dav.DavResponse;
import dev.calsync.caldav.dav.Hrefs;
import dev.calsync.caldav.dav.Multistatus;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.ProviderException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * Reads a calendar collection: its change tag (one small PROPFIND), its changes since a sync token
 * (RFC 6578 sync-collection), or everything from a time on (RFC 4791 calendar-query). An answer the server cut
 * short (507, number-of-matches-within-limits) is completed, never taken as complete; an answer that cannot be
 * read (HTML, cut-off XML, no sync-token) is an error, so the caller keeps its old token.
 */
public final class CollectionReader {
    static final int MULTIGET_BATCH = 100;
    /** A server that keeps answering "there is more" this often is not making progress. */
    static final int MAX_SYNC_ROUNDS = 1000;
    private static final List<QName> TAG = List.of(DavNames.SYNC_TOKEN, DavNames.GETCTAG);
    private static final List<QName> DATA = List.of(DavNames.GETETAG, DavNames.CALENDAR_DATA);
    private static final List<QName> MEMBERS = List.of(DavNames.GETETAG, DavNames.RESOURCETYPE);

    private final DavClient client;

    public CollectionReader(DavClient client) {
        this.client = client;
    }

    public CollectionTag tag(URI collection, CalendarRef calendar) {
        DavRequest request = DavRequest.propfind(collection, 0, DavBodies.propfind(TAG));
        Multistatus.Entry entry = client.multistatus(request, calendar, CallKind.LIST).entries().stream()
                .filter(e -> Hrefs.samePath(e.href(), collection)).findFirst()
                .orElseThrow(() -> DavFailures.malformed(request, new dev.calsync.caldav.dav.DavProtocolException(
                        "no properties for the collection")));
        return new CollectionTag(entry.text(DavNames.SYNC_TOKEN).orElse(null), entry.text(DavNames.GETCTAG).orElse(null));
    }

    /** Everything that changed since {@code syncToken}, all rounds read, or the server's refusal of the token. */
    public SyncRound changesSince(URI collection, String syncToken, CalendarRef calendar) {
        Map<URI, CalendarResource> changed = new LinkedHashMap<>();
        Set<URI> withoutData = new LinkedHashSet<>();
        Set<URI> removed = new LinkedHashSet<>();
        String token = syncToken;
        for (int round = 0; round < MAX_SYNC_ROUNDS; round++) {
            DavRequest request = DavRequest.report(collection, 0, DavBodies.syncCollection(token, DATA));
            DavResponse response;
            try {
                response = client.send(request, calendar, CallKind.LIST);
            } catch (ProviderException e) {
                if (e.kind() == ProviderException.Kind.TRANSIENT && e.status() >= 500) {
                    // Some servers answer a token they no longer know with a 5xx, again and again.
                    return new SyncRound.TokenRefused("HTTP " + e.status() + " after retries");
                }
                throw e;
            }
            Optional<String> refusal = refusal(response);
            if (refusal.isPresent()) {
                return new SyncRound.TokenRefused(refusal.get());
            }
            if (response.status() != 207) {
                throw DavFailures.unexpected(request, response);
            }
            Multistatus multistatus = DavFailures.multistatus(request, response);
            if (multistatus.syncToken() == null) {
                throw DavFailures.malformed(request, new dev.calsync.caldav.dav.DavProtocolException(
                        "sync-collection answer without sync-token"));
            }
            boolean truncated = false;
            for (Multistatus.Entry entry : multistatus.entries()) {
                if (Hrefs.samePath(entry.href(), collection)) {
                    truncated |= entry.status() == 507;
                } else if (entry.status() == 404 || entry.status() == 410) {
                    changed.remove(entry.href());
                    withoutData.remove(entry.href());
                    removed.add(entry.href());
                } else {
                    removed.remove(entry.href());
                    Optional<CalendarResource> resource = resource(entry);
                    if (resource.isPresent()) {
                        changed.put(entry.href(), resource.get());
                        withoutData.remove(entry.href());
                    } else {
                        changed.remove(entry.href());
                        withoutData.add(entry.href());
                    }
                }
            }
            token = multistatus.syncToken();
            if (!truncated) {
                Fetched fetched = multiget(collection, withoutData, calendar);
                fetched.resources().forEach(r -> changed.put(r.href(), r));
                removed.addAll(fetched.gone());
                return new SyncRound.Changes(List.copyOf(changed.values()), List.copyOf(removed), token);
            }
        }
        throw new ProviderException(ProviderException.Kind.MALFORMED_RESPONSE, 507, "truncated",
                "CalDAV sync-collection on " + collection.getRawPath() + ": still cut short after " + MAX_SYNC_ROUNDS + " rounds");
    }

    /**
     * Every VEVENT resource overlapping [{@code from}, ∞). Recurring events are the server's to match: their
     * masters come back whole, with their overrides.
     */
    public List<CalendarResource> everything(URI collection, Instant from, CalendarRef calendar) {
        DavRequest request = DavRequest.report(collection, 1, DavBodies.calendarQuery(from, DATA));
        DavResponse response = client.send(request, calendar, CallKind.LIST);
        Map<URI, CalendarResource> found = new LinkedHashMap<>();
        boolean truncated;
        if (response.status() == 507) {
            truncated = true;
        } else if (response.status() == 207) {
            truncated = false;
            for (Multistatus.Entry entry : DavFailures.multistatus(request, response).entries()) {
                if (Hrefs.samePath(entry.href(), collection)) {
                    truncated |= entry.status() == 507 || entry.hasError(DavNames.NUMBER_OF_MATCHES_WITHIN_LIMITS);
                } else if (entry.status() == 0 || entry.status() / 100 == 2) {
                    resource(entry).ifPresent(r -> found.put(r.href(), r));
                }
            }
        } else {
            throw DavFailures.unexpected(request, response);
        }
        if (truncated) {
            // Cut short: list every member and fetch those the query did not return. Members outside the time
            // range come too; the engine's window leaves them out.
            Set<URI> missing = new LinkedHashSet<>(members(collection, calendar));
            missing.removeAll(found.keySet());
            multiget(collection, missing, calendar).resources().forEach(r -> found.put(r.href(), r));
        }
        return List.copyOf(found.values());
    }

    private List<URI> members(URI collection, CalendarRef calendar) {
        DavRequest request = DavRequest.propfind(collection, 1, DavBodies.propfind(MEMBERS));
        List<URI> members = new ArrayList<>();
        for (Multistatus.Entry entry : client.multistatus(request, calendar, CallKind.LIST).entries()) {
            boolean subCollection = entry.prop(DavNames.RESOURCETYPE).map(t -> t.has(DavNames.COLLECTION)).orElse(false);
            if (!Hrefs.samePath(entry.href(), collection) && !subCollection) {
                members.add(entry.href());
            }
        }
        return members;
    }

    private record Fetched(List<CalendarResource> resources, List<URI> gone) {
    }

    /** calendar-multiget in batches; a member the server leaves out of its answer is fetched on its own. */
    private Fetched multiget(URI collection, Set<URI> hrefs, CalendarRef calendar) {
        List<CalendarResource> resources = new ArrayList<>();
        List<URI> gone = new ArrayList<>();
        List<URI> all = List.copyOf(hrefs);
        for (int from = 0; from < all.size(); from += MULTIGET_BATCH) {
            List<URI> batch = all.subList(from, Math.min(all.size(), from + MULTIGET_BATCH));
            DavRequest request = DavRequest.report(collection, 1, DavBodies.calendarMultiget(batch, DATA));
            Set<URI> answered = new LinkedHashSet<>();
            for (Multistatus.Entry entry : client.multistatus(request, calendar, CallKind.LIST).entries()) {
                URI href = batch.stream().filter(h -> Hrefs.samePath(h, entry.href())).findFirst().orElse(null);
                if (href == null) {
                    continue;
                }
                if (entry.status() == 404 || entry.status() == 410) {
                    gone.add(href);
                    answered.add(href);
                } else {
                    resource(entry).ifPresent(r -> {
                        resources.add(new CalendarResource(href, r.etag(), r.ics()));
                        answered.add(href);
                    });
                }
            }
            for (URI href : batch) {
                if (!answered.contains(href)) {
                    get(href, calendar).ifPresentOrElse(resources::add, () -> gone.add(href));
                }
            }
        }
        return new Fetched(resources, gone);
    }

    /** GET of one member; empty when it is gone. */
    public Optional<CalendarResource> get(URI href, CalendarRef calendar) {
        DavRequest request = DavRequest.get(href);
        DavResponse response = client.send(request, calendar, CallKind.GET);
        if (response.status() == 404 || response.status() == 410) {
            return Optional.empty();
        }
        if (response.status() != 200) {
            throw DavFailures.unexpected(request, response);
        }
        return Optional.of(new CalendarResource(href, response.etag().orElse(null), response.body()));
    }

    private static Optional<CalendarResource> resource(Multistatus.Entry entry) {
        return entry.text(DavNames.CALENDAR_DATA)
                .map(data -> new CalendarResource(entry.href(), entry.text(DavNames.GETETAG).orElse(null), data));
    }

    /** RFC 6578 §3.2 and what servers do instead: 403/409 valid-sync-token, 410 Gone, Nextcloud's 418. */
    static Optional<String> refusal(DavResponse response) {
        int status = response.status();
        if (status == 410 || status == 418 || status == 501) {
            return Optional.of("HTTP " + status);
        }
        if (status / 100 == 4 && response.hasError(DavNames.VALID_SYNC_TOKEN)) {
            return Optional.of("HTTP " + status + " valid-sync-token");
        }
        if (status == 507) {
            // Too much to sync from this token: a full read lists every member instead.
            return Optional.of("HTTP 507");
        }
        return Optional.empty();
    }
}
