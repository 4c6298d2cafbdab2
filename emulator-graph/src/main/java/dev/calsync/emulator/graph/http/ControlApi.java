package dev.calsync.emulator.graph.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.graph.CallKind;
import dev.calsync.emulator.graph.FaultScope;
import dev.calsync.emulator.graph.FaultType;
import dev.calsync.emulator.graph.GraphEmulator;
import dev.calsync.emulator.graph.GraphError;
import dev.calsync.emulator.graph.Json;
import dev.calsync.emulator.graph.store.CalendarStore;
import dev.calsync.emulator.graph.store.Mailbox;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The Graph emulator's own control API under {@code <root>graph/emulator/}, unauthenticated (it is a test tool):
 * <pre>
 * GET  health                     {"status":"ok"}
 * POST reset                      clears counters, armed faults and the record of sent notifications
 * GET  counters                   call counters per mailbox, calendar and kind;  POST counters/reset
 * GET  faults                     armed faults;  POST faults/reset
 * POST faults                     {"type":"tooManyRequests|serviceUnavailable|internalError|gatewayTimeout|lostResponse|
 *                                   lostResponse503|missingFields|unknownEnumValues|truncatedJson|invalidJson|htmlPage",
 *                                   "count":N, "retryAfter":S, "mailboxId":..., "calendarId":..., "kind":"createEvent"}
 *                                 {"type":"expireDeltaTokens"} | {"type":"latency","ms":N} | {"type":"pageSizeCap","max":N}
 * GET  subscriptions              subscriptions and the notifications sent;  DELETE notifications clears that record
 * POST subscriptions/{id}/lifecycle  {"lifecycleEvent":"reauthorizationRequired|subscriptionRemoved|missed"}
 * GET  mailboxes                  mailboxes, tokens and calendars
 * POST seed                       load a seed document (the format of {@code SeedLoader})
 * POST clock                      {"instant":"2030-01-01T09:00:00Z"} fixes the clock; {"system":true} restores it
 * </pre>
 */
public final class ControlApi {
    private final GraphEmulator emulator;

    public ControlApi(GraphEmulator emulator) { this.emulator = emulator; }

    GraphResponse handle(GraphRequest req) {
        String path = String.join("/", req.segments());
        try {
            if (req.method().equals("POST") && req.segments().size() == 3 && req.segments().get(0).equals("subscriptions")
                    && req.segments().get(2).equals("lifecycle")) {
                String event = Json.text(Json.parseObject(req.body()), "lifecycleEvent");
                boolean sent = emulator.subscriptions().lifecycle(req.segments().get(1), event);
                return GraphResponse.json(200, Json.object().put("sent", sent));
            }
            return switch (req.method() + " " + path) {
                case "GET health" -> GraphResponse.json(200, Json.object().put("status", "ok"));
                case "POST reset" -> {
                    emulator.counters().reset();
                    emulator.faults().reset();
                    emulator.subscriptions().clearDelivered();
                    yield GraphResponse.json(200, Json.object().put("status", "ok"));
                }
                case "GET counters" -> GraphResponse.json(200, emulator.counters().toJson());
                case "POST counters/reset", "DELETE counters" -> {
                    emulator.counters().reset();
                    yield GraphResponse.json(200, emulator.counters().toJson());
                }
                case "GET faults" -> GraphResponse.json(200, emulator.faults().toJson());
                case "POST faults" -> {
                    addFault(Json.parseObject(req.body()));
                    yield GraphResponse.json(200, emulator.faults().toJson());
                }
                case "POST faults/reset", "DELETE faults" -> {
                    emulator.faults().reset();
                    yield GraphResponse.json(200, emulator.faults().toJson());
                }
                case "GET subscriptions" -> GraphResponse.json(200, emulator.subscriptions().toJson());
                case "DELETE notifications" -> {
                    emulator.subscriptions().clearDelivered();
                    yield GraphResponse.json(200, emulator.subscriptions().toJson());
                }
                case "GET mailboxes" -> GraphResponse.json(200, mailboxes());
                case "POST seed" -> {
                    emulator.loadSeed(new ByteArrayInputStream(req.body()));
                    yield GraphResponse.json(200, mailboxes());
                }
                case "POST clock" -> {
                    setClock(Json.parseObject(req.body()));
                    yield GraphResponse.json(200, Json.object().put("now", emulator.clock().instant().toString()));
                }
                default -> GraphResponse.error(new GraphError(404, "NotFound", "No control operation " + req.method() + " " + path));
            };
        } catch (IllegalArgumentException | IllegalStateException | DateTimeException e) {
            return GraphResponse.error(GraphError.badRequest("BadRequest", e.getMessage()));
        } catch (GraphError e) {
            return GraphResponse.error(e);
        }
    }

    private void addFault(ObjectNode f) {
        String type = Json.text(f, "type");
        if (type == null) throw new IllegalArgumentException("a fault needs a type");
        switch (type) {
            case "expireDeltaTokens" -> emulator.faults().expireAllDeltaTokens();
            case "latency" -> emulator.faults().setLatency(Duration.ofMillis(f.path("ms").asLong(0)));
            case "pageSizeCap" -> emulator.faults().capPageSize(f.path("max").asInt(0));
            default -> {
                String kind = Json.text(f, "kind");
                FaultScope scope = new FaultScope(Json.text(f, "mailboxId"), Json.text(f, "calendarId"),
                        kind == null ? null : CallKind.fromWireName(kind));
                Integer retryAfter = f.hasNonNull("retryAfter") ? f.get("retryAfter").asInt() : null;
                emulator.faults().failNext(f.path("count").asInt(1), FaultType.fromWireName(type), retryAfter, scope);
            }
        }
    }

    private void setClock(ObjectNode body) {
        if (body.path("system").asBoolean(false)) emulator.setClock(Clock.systemUTC());
        else emulator.setClock(Clock.fixed(Instant.parse(Json.text(body, "instant")), ZoneOffset.UTC));
    }

    private ObjectNode mailboxes() {
        ObjectNode out = Json.object();
        out.put("graphUrl", emulator.graphUrl());
        ArrayNode list = out.putArray("mailboxes");
        for (Mailbox m : emulator.mailboxes().all()) {
            ObjectNode n = list.addObject();
            n.put("id", m.id());
            n.put("token", m.token());
            n.put("address", m.address());
            n.put("userId", m.userId());
            n.put("timeZone", m.timeZoneName());
            ArrayNode cals = n.putArray("calendars");
            for (CalendarStore c : m.calendars()) cals.add(GraphApi.calendarJson(c));
        }
        return out;
    }
}
