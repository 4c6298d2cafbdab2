package dev.calsync.emulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.CallKind;
import dev.calsync.emulator.EmulatorApiException;
import dev.calsync.emulator.FaultScope;
import dev.calsync.emulator.FaultType;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.emulator.Json;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The emulator's own control API under {@code /emulator/}, unauthenticated (it is a test tool):
 * <pre>
 * GET  health                       {"status":"ok"}
 * GET  counters                     call counters;   POST counters/reset (or DELETE counters)
 * GET  faults                       armed faults;    POST faults/reset   (or DELETE faults)
 * POST faults                       {"type":"rateLimitExceeded|userRateLimitExceeded|tooManyRequests|backendError|
 *                                     htmlError|serviceUnavailable|lostResponse|lostResponse503", "count":N,
 *                                     "accountId":..., "calendarId":..., "kind":"insert"}   (scope fields optional)
 *                                   {"type":"expireSyncTokens"} | {"type":"latency","ms":N} | {"type":"pageSizeCap","max":N}
 * GET  notifications                push notifications sent; DELETE notifications clears the record
 * GET  accounts                     accounts, tokens and calendars
 * POST seed                         load a seed document (same format as --seed)
 * POST clock                        {"instant":"2030-01-01T09:00:00Z"} fixes the clock; {"system":true} restores it
 * </pre>
 */
public final class ControlApi {
    private final GoogleCalendarEmulator emulator;

    public ControlApi(GoogleCalendarEmulator emulator) { this.emulator = emulator; }

    ApiResponse handle(String method, String path, byte[] body) {
        try {
            return switch (method + " " + path) {
                case "GET health" -> ApiResponse.json(200, Json.object().put("status", "ok"));
                case "GET counters" -> ApiResponse.json(200, emulator.counters().toJson());
                case "POST counters/reset", "DELETE counters" -> {
                    emulator.counters().reset();
                    yield ApiResponse.json(200, emulator.counters().toJson());
                }
                case "GET faults" -> ApiResponse.json(200, emulator.faults().toJson());
                case "POST faults" -> {
                    addFault(Json.parseObject(body));
                    yield ApiResponse.json(200, emulator.faults().toJson());
                }
                case "POST faults/reset", "DELETE faults" -> {
                    emulator.faults().reset();
                    yield ApiResponse.json(200, emulator.faults().toJson());
                }
                case "GET notifications" -> ApiResponse.json(200, emulator.notifications().toJson());
                case "DELETE notifications" -> {
                    emulator.notifications().clearDelivered();
                    yield ApiResponse.json(200, emulator.notifications().toJson());
                }
                case "GET accounts" -> ApiResponse.json(200, accounts());
                case "POST seed" -> {
                    emulator.loadSeed(new ByteArrayInputStream(body));
                    yield ApiResponse.json(200, accounts());
                }
                case "POST clock" -> {
                    setClock(Json.parseObject(body));
                    yield ApiResponse.json(200, Json.object().put("now", Instant.ofEpochMilli(emulator.clock().millis()).toString()));
                }
                default -> ApiResponse.error(EmulatorApiException.notFound());
            };
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return ApiResponse.error(EmulatorApiException.invalid(e.getMessage()));
        } catch (EmulatorApiException e) {
            return ApiResponse.error(e);
        }
    }

    private void addFault(ObjectNode f) {
        String type = Json.text(f, "type");
        if (type == null) throw new IllegalArgumentException("fault needs a type");
        switch (type) {
            case "expireSyncTokens" -> emulator.faults().expireAllSyncTokens();
            case "latency" -> emulator.faults().setLatency(Duration.ofMillis(f.path("ms").asLong(0)));
            case "pageSizeCap" -> emulator.faults().capPageSize(f.path("max").asInt(0));
            default -> {
                String kind = Json.text(f, "kind");
                FaultScope scope = new FaultScope(Json.text(f, "accountId"), Json.text(f, "calendarId"),
                        kind == null ? null : CallKind.fromWireName(kind));
                emulator.faults().failNext(f.path("count").asInt(1), FaultType.fromWireName(type), scope);
            }
        }
    }

    private void setClock(ObjectNode body) {
        if (body.path("system").asBoolean(false)) emulator.setClock(Clock.systemUTC());
        else emulator.setClock(Clock.fixed(Instant.parse(Json.text(body, "instant")), ZoneOffset.UTC));
    }

    private ObjectNode accounts() {
        ObjectNode out = Json.object();
        out.put("rootUrl", emulator.rootUrl());
        ArrayNode list = out.putArray("accounts");
        for (var a : emulator.registry().accounts()) {
            ObjectNode n = list.addObject();
            n.put("id", a.id());
            n.put("token", a.token());
            ArrayNode cals = n.putArray("calendars");
            a.calendarIds().forEach(cals::add);
        }
        return out;
    }
}
