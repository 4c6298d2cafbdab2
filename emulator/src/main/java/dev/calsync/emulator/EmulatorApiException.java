package dev.calsync.emulator;

/**
 * An error the emulator answers exactly as Google would: HTTP status, error domain, reason and message.
 * Thrown by the in-process user-edit methods too, so tests see the same failures as API clients.
 */
public class EmulatorApiException extends RuntimeException {
    private final int status;
    private final String domain;
    private final String reason;

    public EmulatorApiException(int status, String domain, String reason, String message) {
        super(message);
        this.status = status;
        this.domain = domain;
        this.reason = reason;
    }

    public int status() { return status; }
    public String domain() { return domain; }
    public String reason() { return reason; }

    public static EmulatorApiException badRequest(String reason, String message) {
        return new EmulatorApiException(400, "global", reason, message);
    }
    public static EmulatorApiException invalid(String message) { return badRequest("invalid", message); }
    public static EmulatorApiException required(String message) { return badRequest("required", message); }
    public static EmulatorApiException notFound() { return new EmulatorApiException(404, "global", "notFound", "Not Found"); }
    public static EmulatorApiException duplicate() {
        return new EmulatorApiException(409, "global", "duplicate", "The requested identifier already exists.");
    }
    public static EmulatorApiException deleted() { return new EmulatorApiException(410, "global", "deleted", "Resource has been deleted"); }
    public static EmulatorApiException fullSyncRequired() {
        return new EmulatorApiException(410, "global", "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
    }
    public static EmulatorApiException conditionNotMet() {
        return new EmulatorApiException(412, "global", "conditionNotMet", "Precondition Failed");
    }
    public static EmulatorApiException authError() {
        return new EmulatorApiException(401, "global", "authError", "Invalid Credentials");
    }
}
