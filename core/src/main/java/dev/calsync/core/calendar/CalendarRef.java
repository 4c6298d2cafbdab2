package dev.calsync.core.calendar;

import java.util.Objects;

/** One calendar as reached through one connected account. */
public record CalendarRef(String accountId, String calendarId) {

    public CalendarRef {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(calendarId, "calendarId");
    }

    /** The text that identifies this calendar inside a group: in block ids, markers and the store. */
    public String key() {
        return accountId + "/" + calendarId;
    }

    @Override
    public String toString() {
        return key();
    }
}
