package dev.calsync.emulator.graph;

/** The Graph operations the emulator serves, for counters and fault scopes. */
public enum CallKind {
    LIST_CALENDARS("listCalendars", false),
    GET_CALENDAR("getCalendar", false),
    LIST_EVENTS("listEvents", false),
    CREATE_EVENT("createEvent", true),
    GET_EVENT("getEvent", false),
    UPDATE_EVENT("updateEvent", true),
    DELETE_EVENT("deleteEvent", true),
    INSTANCES("instances", false),
    CALENDAR_VIEW("calendarView", false),
    DELTA("delta", false),
    CREATE_SUBSCRIPTION("createSubscription", true),
    LIST_SUBSCRIPTIONS("listSubscriptions", false),
    GET_SUBSCRIPTION("getSubscription", false),
    UPDATE_SUBSCRIPTION("updateSubscription", true),
    DELETE_SUBSCRIPTION("deleteSubscription", true),
    REAUTHORIZE_SUBSCRIPTION("reauthorizeSubscription", true),
    LIST_CATEGORIES("listMasterCategories", false),
    GET_CATEGORY("getMasterCategory", false),
    CREATE_CATEGORY("createMasterCategory", true),
    DELETE_CATEGORY("deleteMasterCategory", true);

    private final String wireName;
    private final boolean write;

    CallKind(String wireName, boolean write) {
        this.wireName = wireName;
        this.write = write;
    }

    public String wireName() { return wireName; }

    public boolean isWrite() { return write; }

    public static CallKind fromWireName(String name) {
        for (CallKind k : values()) if (k.wireName.equalsIgnoreCase(name) || k.name().equalsIgnoreCase(name)) return k;
        throw new IllegalArgumentException("unknown call kind: " + name);
    }
}
