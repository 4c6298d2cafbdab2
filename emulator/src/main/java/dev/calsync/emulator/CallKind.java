package dev.calsync.emulator;

/** The API methods the emulator meters, named as in Google's API (calendarList.list, events.list, ...). */
public enum CallKind {
    CALENDAR_LIST("calendarList"), LIST("list"), GET("get"), INSERT("insert"), UPDATE("update"), PATCH("patch"),
    DELETE("delete"), INSTANCES("instances"), WATCH("watch"), STOP("stop");

    private final String wireName;

    CallKind(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    public boolean isWrite() { return this == INSERT || this == UPDATE || this == PATCH || this == DELETE; }

    public static CallKind fromWireName(String name) {
        for (CallKind k : values()) {
            if (k.wireName.equalsIgnoreCase(name) || k.name().equalsIgnoreCase(name)) return k;
        }
        throw new IllegalArgumentException("unknown call kind: " + name);
    }
}
