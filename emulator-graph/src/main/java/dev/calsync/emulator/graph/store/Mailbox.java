package dev.calsync.emulator.graph.store;

import dev.calsync.emulator.graph.GraphError;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A Microsoft 365 mailbox: its owner, the bearer token the emulator accepts for it, and its calendars. */
public final class Mailbox {
    private final String id;
    private final String token;
    private final String displayName;
    private final String address;
    private final String userId;
    private final String timeZoneName;
    private final Map<String, CalendarStore> calendars = new LinkedHashMap<>();
    private final MasterCategories masterCategories;

    Mailbox(String id, String token, String displayName, String address, String timeZoneName) {
        this.id = id;
        this.token = token;
        this.displayName = displayName;
        this.address = address;
        // Graph's user ids are GUIDs; a name-based one keeps notification resources stable across runs.
        this.userId = UUID.nameUUIDFromBytes(("graph-user:" + id).getBytes(StandardCharsets.UTF_8)).toString();
        TimeZones.resolve(timeZoneName); // refuses a zone Graph would not take, before the mailbox exists
        this.timeZoneName = timeZoneName;
        this.masterCategories = new MasterCategories(id);
    }

    public String id() { return id; }

    public String token() { return token; }

    public String displayName() { return displayName; }

    public String address() { return address; }

    public String userId() { return userId; }

    public String timeZoneName() { return timeZoneName; }

    /** The mailbox's master list of Outlook categories ({@code me/outlook/masterCategories}). */
    public MasterCategories masterCategories() { return masterCategories; }

    /** The first calendar added as default is the mailbox's default calendar ("Calendar" in Outlook). */
    public synchronized CalendarStore addCalendar(String calendarId, String name, boolean isDefault) {
        String cid = calendarId != null ? calendarId : GraphIds.calendarId(id, name);
        if (calendars.containsKey(cid)) throw new IllegalArgumentException("calendar " + cid + " exists already in " + id);
        boolean makeDefault = isDefault && defaultCalendarOrNull() == null;
        CalendarStore c = new CalendarStore(cid, name, this, makeDefault);
        calendars.put(cid, c);
        return c;
    }

    public synchronized List<CalendarStore> calendars() { return new ArrayList<>(calendars.values()); }

    /** @throws GraphError 404 ErrorItemNotFound when the mailbox has no such calendar */
    public synchronized CalendarStore calendar(String calendarId) {
        CalendarStore c = calendars.get(calendarId);
        if (c == null) throw GraphError.itemNotFound();
        return c;
    }

    public synchronized CalendarStore defaultCalendar() {
        CalendarStore c = defaultCalendarOrNull();
        if (c != null) return c;
        if (calendars.isEmpty()) throw GraphError.itemNotFound();
        return calendars.values().iterator().next();
    }

    private CalendarStore defaultCalendarOrNull() {
        for (CalendarStore c : calendars.values()) if (c.isDefault()) return c;
        return null;
    }

    /** The calendar holding the stored event (series master or single), or null. */
    public CalendarStore calendarOfEvent(String eventId) {
        for (CalendarStore c : calendars()) if (c.current(eventId) != null) return c;
        return null;
    }
}
