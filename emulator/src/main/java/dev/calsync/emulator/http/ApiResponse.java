package dev.calsync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.EmulatorApiException;
import dev.calsync.emulator.Json;

import java.nio.charset.StandardCharsets;

/** An answer to one API request. {@code dropConnection}: close the connection without answering at all. */
public record ApiResponse(int status, String contentType, byte[] body, boolean dropConnection) {
    static final String JSON = "application/json; charset=UTF-8";

    public static ApiResponse json(int status, JsonNode node) { return new ApiResponse(status, JSON, Json.bytes(node), false); }

    public static ApiResponse noContent() { return new ApiResponse(204, null, new byte[0], false); }

    public static ApiResponse drop() { return new ApiResponse(0, null, new byte[0], true); }

    public static ApiResponse html(int status, String title) {
        String page = "<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Error " + status + " (Server Error)!!1</title>"
                + "<p><b>" + status + ".</b> <ins>That's an error.</ins><p>" + title + " <ins>That's all we know.</ins></html>";
        return new ApiResponse(status, "text/html; charset=UTF-8", page.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Google's error body: {"error":{"code","message","errors":[{"domain","reason","message"}]}}. */
    public static ApiResponse error(EmulatorApiException e) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("code", e.status());
        error.put("message", e.getMessage());
        if (e.reason() != null) {
            ObjectNode detail = error.putArray("errors").addObject();
            detail.put("domain", e.domain());
            detail.put("reason", e.reason());
            detail.put("message", e.getMessage());
            if (e.status() == 401) {
                detail.put("location", "Authorization");
                detail.put("locationType", "header");
            }
        }
        error.put("status", statusName(e.status()));
        return json(e.status(), root);
    }

    public boolean ok() { return status >= 200 && status < 300; }

    /** The reason phrase of a status line, as Google's front ends send it. */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static String statusName(int status) {
        return switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "ALREADY_EXISTS";
            case 410 -> "ABORTED";
            case 412 -> "FAILED_PRECONDITION";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> "INTERNAL";
        };
    }
}
