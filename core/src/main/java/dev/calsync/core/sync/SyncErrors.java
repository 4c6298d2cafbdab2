package dev.calsync.core.sync;

import dev.calsync.core.provider.ProviderException;

/** Failures in the words shown to a person: kind, status and reason, never tokens or event content. */
final class SyncErrors {
    private SyncErrors() {
    }

    static String describe(ProviderException e) {
        String kind = switch (e.kind()) {
            case TRANSIENT -> "temporarily unavailable";
            case UNAUTHORIZED -> "reconnect needed";
            case NOT_FOUND -> "calendar not found";
            case REJECTED -> "request refused";
            case MALFORMED_RESPONSE -> "unreadable answer";
        };
        StringBuilder text = new StringBuilder(kind);
        if (e.status() > 0) {
            text.append(" (").append(e.status());
            if (e.reason() != null) {
                text.append(' ').append(e.reason());
            }
            text.append(')');
        }
        if (e.getMessage() != null) {
            text.append(": ").append(e.getMessage());
        }
        return text.toString();
    }
}
