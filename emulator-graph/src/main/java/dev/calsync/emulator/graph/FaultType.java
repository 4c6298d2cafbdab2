package dev.calsync.emulator.graph;

import java.util.Map;

/** Failures the emulator can inject, each answered as Graph answers it. */
public enum FaultType {
    /** 429 with Retry-After (its seconds set per fault; absent when none is given, as Graph sometimes does). */
    TOO_MANY_REQUESTS("tooManyRequests", 429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit."),
    SERVICE_UNAVAILABLE("serviceUnavailable", 503, "ServiceUnavailable", "The service is temporarily unavailable."),
    INTERNAL_ERROR("internalError", 500, "generalException", "An unspecified error has occurred."),
    GATEWAY_TIMEOUT("gatewayTimeout", 504, "UnknownError", ""),
    /** Writes only: applied, then the connection is closed without an answer. */
    LOST_RESPONSE_CLOSE("lostResponse", 0, null, null),
    /** Writes only: applied, then answered 503 as if it had failed. */
    LOST_RESPONSE_503("lostResponse503", 503, "ServiceUnavailable", "The service is temporarily unavailable."),

    // The call runs, then its successful answer is replaced (status stays 2xx).
    /** Every event loses start and end. */
    MISSING_FIELDS("missingFields", 200, null, null),
    /** showAs, sensitivity, type and responseStatus values no client knows, plus an unknown field. */
    UNKNOWN_ENUM_VALUES("unknownEnumValues", 200, null, null),
    /** The JSON body cut off in the middle. */
    TRUNCATED_JSON("truncatedJson", 200, null, null),
    /** A body that is not JSON, served as JSON. */
    INVALID_JSON("invalidJson", 200, null, null),
    /** 200 with an HTML page (a captive portal or proxy login). */
    HTML_PAGE("htmlPage", 200, null, null);

    private final String wireName;
    private final int status;
    private final String code;
    private final String message;

    FaultType(String wireName, int status, String code, String message) {
        this.wireName = wireName;
        this.status = status;
        this.code = code;
        this.message = message;
    }

    public String wireName() { return wireName; }

    public boolean losesResponse() { return this == LOST_RESPONSE_CLOSE || this == LOST_RESPONSE_503; }

    public boolean manglesAnswer() { return ordinal() >= MISSING_FIELDS.ordinal(); }

    public GraphError toError(Integer retryAfterSeconds) {
        return new GraphError(status, code, message,
                retryAfterSeconds == null ? Map.of() : Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public static FaultType fromWireName(String name) {
        for (FaultType t : values()) if (t.wireName.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) return t;
        throw new IllegalArgumentException("unknown fault type: " + name);
    }
}
