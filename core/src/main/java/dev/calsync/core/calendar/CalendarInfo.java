package dev.calsync.core.calendar;

/** A calendar listed by an account, as offered when a person builds a group. */
public record CalendarInfo(String id, String summary, boolean primary, String accessRole, String timeZone) {

    public boolean writable() {
        return "owner".equals(accessRole) || "writer".equals(accessRole);
    }
}
