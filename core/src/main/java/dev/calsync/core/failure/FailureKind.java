package dev.calsync.core.failure;

import dev.calsync.core.provider.ProviderException;

/** What went wrong in a pass, in the terms the {@link FailurePolicy} decides on. */
public enum FailureKind {
    /** Rate limits, 5xx, network: a later pass may succeed. */
    PROVIDER_UNAVAILABLE("temporarily unavailable"),
    /** The account's grant was refused even after a refresh: only reconnecting it helps. */
    RECONNECT_NEEDED("reconnect needed"),
    /** The calendar or event is not there or not ours. */
    NOT_FOUND("calendar not found"),
    /** The provider refused the request itself: a bug or a changed API. */
    REJECTED("request refused"),
    /** The provider answered something we cannot read. */
    UNREADABLE_ANSWER("unreadable answer"),
    /** The sync state's database cannot be reached: every other group of the batch would fail alike. */
    DATABASE_UNREACHABLE("database unreachable"),
    /** The database is reachable but refused a statement. */
    DATABASE_FAILED("database statement failed"),
    /** Another pass holds the group's lease. */
    GROUP_BUSY("group busy"),
    /** Anything else: a bug. */
    UNEXPECTED("unexpected error");

    private final String words;

    FailureKind(String words) {
        this.words = words;
    }

    /** The kind as shown to a person (logs, dashboard, CLI). */
    public String words() {
        return words;
    }

    public static FailureKind of(ProviderException.Kind kind) {
        return switch (kind) {
            case TRANSIENT -> PROVIDER_UNAVAILABLE;
            case UNAUTHORIZED -> RECONNECT_NEEDED;
            case NOT_FOUND -> NOT_FOUND;
            case REJECTED -> REJECTED;
            case MALFORMED_RESPONSE -> UNREADABLE_ANSWER;
        };
    }
}
