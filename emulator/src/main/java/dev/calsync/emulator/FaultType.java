package dev.calsync.emulator;

/** Failures the emulator can inject, each answered exactly as Google answers it. */
public enum FaultType {
    RATE_LIMIT_EXCEEDED("rateLimitExceeded", 403, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded"),
    USER_RATE_LIMIT_EXCEEDED("userRateLimitExceeded", 403, "usageLimits", "userRateLimitExceeded", "User Rate Limit Exceeded"),
    TOO_MANY_REQUESTS("tooManyRequests", 429, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded"),
    BACKEND_ERROR("backendError", 500, "global", "backendError", "Backend Error"),
    /** A 500 whose body is an HTML page, as a front-end proxy sends it: no JSON error details. */
    HTML_ERROR("htmlError", 500, null, null, "Internal Server Error"),
    SERVICE_UNAVAILABLE("serviceUnavailable", 503, "global", "backendError", "The service is currently unavailable."),
    /** Writes only: the write is applied, then the connection is closed without an answer. */
    LOST_RESPONSE_CLOSE("lostResponse", 0, null, null, null),
    /** Writes only: the write is applied, then answered with 503 as if it had failed. */
    LOST_RESPONSE_503("lostResponse503", 503, "global", "backendError", "The service is currently unavailable."),

    // Malformed or unexpected answers: the call is executed, then its successful answer is mangled (200).
    /** Every item loses {@code start} and {@code end}; an empty page gets one live item without them. */
    MISSING_FIELDS("missingFields", 200, null, null, null),
    /** Values no client knows yet: eventType, transparency, visibility, attendee responseStatus, extra fields. */
    UNKNOWN_ENUM_VALUES("unknownEnumValues", 200, null, null, null),
    /** Every item gets a 1 MB description and a 10,000-character summary. */
    HUGE_DESCRIPTIONS("hugeDescriptions", 200, null, null, null),
    /** The JSON body is cut off in the middle. */
    TRUNCATED_JSON("truncatedJson", 200, null, null, null),
    /** A body that is not JSON at all, served as JSON. */
    INVALID_JSON("invalidJson", 200, null, null, null),
    /** 200 with an HTML page (a captive portal or proxy login page). */
    HTML_PAGE("htmlPage", 200, null, null, null);

    private final String wireName;
    private final int status;
    private final String domain;
    private final String reason;
    private final String message;

    FaultType(String wireName, int status, String domain, String reason, String message) {
        this.wireName = wireName;
        this.status = status;
        this.domain = domain;
        this.reason = reason;
        this.message = message;
    }

    public String wireName() { return wireName; }
    public int status() { return status; }
    public boolean losesResponse() { return this == LOST_RESPONSE_CLOSE || this == LOST_RESPONSE_503; }

    /** Executed normally, then the successful answer is replaced by a malformed one. */
    public boolean manglesAnswer() { return ordinal() >= MISSING_FIELDS.ordinal(); }

    public EmulatorApiException toException() { return new EmulatorApiException(status, domain, reason, message); }

    public static FaultType fromWireName(String name) {
        for (FaultType t : values()) if (t.wireName.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) return t;
        throw new IllegalArgumentException("unknown fault type: " + name);
    }
}
