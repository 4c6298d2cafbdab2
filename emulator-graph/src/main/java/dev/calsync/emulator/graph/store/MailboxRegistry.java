package dev.calsync.emulator.graph.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** All mailboxes of one emulator, found by id or by bearer token. */
public final class MailboxRegistry {
    private final Map<String, Mailbox> byId = new LinkedHashMap<>();
    private final Map<String, Mailbox> byToken = new LinkedHashMap<>();

    public synchronized Mailbox add(String id, String token, String displayName, String address, String timeZone) {
        if (byId.containsKey(id)) throw new IllegalArgumentException("mailbox " + id + " exists already");
        if (byToken.containsKey(token)) throw new IllegalArgumentException("token of " + id + " is used by another mailbox");
        Mailbox m = new Mailbox(id, token, displayName, address, timeZone);
        byId.put(id, m);
        byToken.put(token, m);
        return m;
    }

    public synchronized Mailbox byId(String id) { return byId.get(id); }

    public synchronized Mailbox byToken(String token) { return token == null ? null : byToken.get(token); }

    public synchronized List<Mailbox> all() { return new ArrayList<>(byId.values()); }

    /** The calendar with this id in any mailbox, or null. */
    public CalendarStore calendar(String calendarId) {
        for (Mailbox m : all()) {
            for (CalendarStore c : m.calendars()) if (c.id().equals(calendarId)) return c;
        }
        return null;
    }
}
