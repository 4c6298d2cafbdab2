package dev.calsync.emulator.graph;

/** Which calls an armed fault may hit; a null field matches anything. */
public record FaultScope(String mailboxId, String calendarId, CallKind kind) {
    public static final FaultScope ANY = new FaultScope(null, null, null);

    public static FaultScope of(CallKind kind) { return new FaultScope(null, null, kind); }

    boolean matches(String mailbox, String calendar, CallKind k) {
        return (mailboxId == null || mailboxId.equals(mailbox))
                && (calendarId == null || calendarId.equals(calendar))
                && (kind == null || kind == k);
    }
}
