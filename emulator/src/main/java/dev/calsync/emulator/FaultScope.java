package dev.calsync.emulator;

/** Which calls a fault applies to; null fields match anything. calendarId is the global id (not "primary"). */
public record FaultScope(String accountId, String calendarId, CallKind kind) {
    public static final FaultScope ANY = new FaultScope(null, null, null);

    public static FaultScope account(String accountId) { return new FaultScope(accountId, null, null); }
    public static FaultScope calendar(String calendarId) { return new FaultScope(null, calendarId, null); }
    public static FaultScope kind(CallKind kind) { return new FaultScope(null, null, kind); }

    boolean matches(String account, String calendar, CallKind callKind) {
        return (accountId == null || accountId.equals(account))
                && (calendarId == null || calendarId.equals(calendar))
                && (kind == null || kind == callKind);
    }
}
