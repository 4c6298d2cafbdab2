package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.BlockMarker;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.provider.DeleteOutcome;
import dev.calsync.core.provider.InsertOutcome;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.core.provider.UpdateOutcome;
import java.util.Optional;
import java.util.Set;

/**
 * Block writes on Graph, where the server assigns event ids: the id Graph gave comes back in every
 * {@link BlockHandle}, and a block whose id calsync never learnt is found by its marker.
 *
 * <p>Create-once: Graph documents {@code transactionId} only as a guard against "redundant POST operations in
 * case of client retries", not what a retry answers (observed: the earlier event for the same body, 400
 * ErrorDuplicateTransactionId for another). So an insert first looks the key up by its marker ({@code $filter}
 * on the extended property, one call), POSTs with a transactionId derived from the key only when there is
 * none, and settles every retry and every failure whose outcome is unknown by looking again before it sends
 * or concludes anything: a lost answer can never make a second block.
 */
final class BlockWrites {
    private static final Set<Integer> POST_REFUSALS = Set.of(400, 409);
    /** Gone (404), or an id Graph never gave (400 ErrorInvalidIdMalformed). */
    private static final Set<Integer> NOT_THERE = Set.of(400, 404);
    private static final String MALFORMED_ID = "ErrorInvalidIdMalformed";

    private final GraphHttp http;
    private final GraphPages pages;
    private final SeriesInstances instances;
    private final MailboxCategories categories;

    BlockWrites(GraphHttp http, MailboxCategories categories) {
        this.http = http;
        this.categories = categories;
        this.pages = new GraphPages(http);
        this.instances = new SeriesInstances(pages);
    }

    InsertOutcome insert(CalendarRef calendar, String key, BlockBody body) {
        String marker = BlockJson.markerValue(key, body);
        Optional<JsonNode> existing = findByMarker(calendar, marker);
        if (existing.isPresent()) {
            return new InsertOutcome.AlreadyExists(handle(key, existing.get()));
        }
        ObjectNode event = expressible(calendar, CallKind.INSERT,
                () -> BlockJson.forInsert(key, body, category(calendar, body)));
        GraphRequest post = GraphRequest.post("me/calendars/" + GraphRequest.encode(calendar.calendarId())
                + "/events", event);
        GraphAnswer answer;
        try {
            answer = http.send(calendar, CallKind.INSERT, post, POST_REFUSALS,
                    () -> findByMarker(calendar, marker).map(found -> new GraphAnswer(200, found, null)));
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.TRANSIENT) {
                throw e;
            }
            // Retries spent on failures whose outcome is unknown: one of them may have landed.
            return findByMarker(calendar, marker).<InsertOutcome>map(found -> new InsertOutcome.Created(
                    handle(key, found))).orElseThrow(() -> e);
        }
        if (answer.ok()) {
            return new InsertOutcome.Created(handle(key, answer.json()));
        }
        // The transactionId was used already: by this block (created before, and its marker found only now),
        // or by an event someone else made with the same id, which is then not ours to take.
        return findByMarker(calendar, marker).<InsertOutcome>map(found -> new InsertOutcome.AlreadyExists(
                        handle(key, found)))
                .orElseThrow(() -> GraphFailures.httpFailure(calendar, CallKind.INSERT, answer.status(),
                        answer.errorCode()));
    }

    UpdateOutcome update(CalendarRef calendar, BlockHandle block, BlockBody body) {
        Optional<String> id = block.providerId() != null ? Optional.of(block.providerId())
                : findByMarker(calendar, BlockJson.markerValue(block.key(), body)).map(BlockWrites::idOf);
        if (id.isEmpty()) {
            return UpdateOutcome.NOT_FOUND;
        }
        ObjectNode event = expressible(calendar, CallKind.PATCH, () -> BlockJson.forUpdate(block.key(), body,
                category(calendar, body)));
        return patch(calendar, id.get(), block.key(), event);
    }

    DeleteOutcome delete(CalendarRef calendar, BlockHandle block) {
        Optional<String> id = block.providerId() != null ? Optional.of(block.providerId())
                : findByKey(calendar, block.key());
        return id.map(eventId -> deleteEvent(calendar, eventId)).orElse(DeleteOutcome.ALREADY_GONE);
    }

    UpdateOutcome updateOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence,
                                   BlockBody body) {
        if (body.cancelled()) {
            return cancelOccurrence(calendar, series, occurrence) == DeleteOutcome.DELETED
                    ? new UpdateOutcome.Updated(BlockHandle.of(occurrence.key())) : UpdateOutcome.NOT_FOUND;
        }
        Optional<JsonNode> found = occurrence(calendar, series, occurrence);
        if (found.isEmpty()) {
            return UpdateOutcome.NOT_FOUND;
        }
        ObjectNode event = expressible(calendar, CallKind.PATCH, () -> BlockJson.forOccurrence(series.key(), body,
                category(calendar, body)));
        return patch(calendar, idOf(found.get()), occurrence.key(), event);
    }

    DeleteOutcome cancelOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence) {
        return occurrence(calendar, series, occurrence).map(found -> deleteEvent(calendar, idOf(found)))
                .orElse(DeleteOutcome.ALREADY_GONE);
    }

    private Optional<JsonNode> occurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence) {
        Optional<String> seriesId = series.providerId() != null ? Optional.of(series.providerId())
                : findByKey(calendar, series.key());
        return seriesId.flatMap(id -> instances.find(calendar, id, occurrence.originalStart()));
    }

    /** The category for the body's colour: null without colour, empty where the mailbox allows none. */
    private String category(CalendarRef calendar, BlockBody body) {
        Integer color = body.color();
        return color == null ? null : categories.categoryFor(calendar, color).orElse("");
    }

    private UpdateOutcome patch(CalendarRef calendar, String eventId, String key, ObjectNode event) {
        GraphAnswer answer = http.send(calendar, CallKind.PATCH,
                GraphRequest.patch("me/events/" + GraphRequest.encode(eventId), event), NOT_THERE);
        if (answer.ok()) {
            return new UpdateOutcome.Updated(handle(key, answer.json()));
        }
        if (answer.status() == 404 || MALFORMED_ID.equals(answer.errorCode())) {
            return UpdateOutcome.NOT_FOUND;
        }
        throw GraphFailures.httpFailure(calendar, CallKind.PATCH, answer.status(), answer.errorCode());
    }

    private DeleteOutcome deleteEvent(CalendarRef calendar, String eventId) {
        GraphAnswer answer = http.send(calendar, CallKind.DELETE,
                GraphRequest.delete("me/events/" + GraphRequest.encode(eventId)), NOT_THERE);
        if (answer.ok()) {
            return DeleteOutcome.DELETED;
        }
        if (answer.status() == 404 || MALFORMED_ID.equals(answer.errorCode())) {
            return DeleteOutcome.ALREADY_GONE;
        }
        throw GraphFailures.httpFailure(calendar, CallKind.DELETE, answer.status(), answer.errorCode());
    }

    /** The block with exactly this marker, by an exact {@code $filter} on the extended property. */
    private Optional<JsonNode> findByMarker(CalendarRef calendar, String markerValue) {
        return pages.all(calendar, CallKind.LIST, events(calendar, BlockProperties.withMarker(markerValue)), false)
                .items().stream().findFirst();
    }

    /**
     * A block known only by its key (no id and no body at hand): the calendar's blocks, read for the key in
     * their markers. Rare: calsync keeps Graph's id of every block it wrote.
     */
    private Optional<String> findByKey(CalendarRef calendar, String key) {
        return pages.all(calendar, CallKind.LIST, events(calendar, BlockProperties.ALL_BLOCKS), false).items()
                .stream().filter(event -> key.equals(BlockProperties.marker(event).get(BlockMarker.KEY)))
                .map(BlockWrites::idOf).findFirst();
    }

    private static GraphRequest events(CalendarRef calendar, String filter) {
        return GraphRequest.get(GraphRequest.path("me/calendars/" + GraphRequest.encode(calendar.calendarId())
                + "/events", "$filter", filter, "$expand", BlockProperties.EXPAND));
    }

    private static BlockHandle handle(String key, JsonNode event) {
        String etag = event.path("@odata.etag").asText(null);
        return new BlockHandle(key, idOf(event), etag);
    }

    private static String idOf(JsonNode event) {
        return event.path("id").asText();
    }

    @FunctionalInterface
    private interface BodyMaker {
        ObjectNode make() throws BlockJson.NotExpressibleException;
    }

    private static ObjectNode expressible(CalendarRef calendar, CallKind kind, BodyMaker maker) {
        try {
            return maker.make();
        } catch (BlockJson.NotExpressibleException e) {
            throw new ProviderException(ProviderException.Kind.REJECTED, 0, "recurrenceNotExpressible",
                    GraphFailures.describe(calendar, kind) + ": " + e.getMessage());
        }
    }
}
