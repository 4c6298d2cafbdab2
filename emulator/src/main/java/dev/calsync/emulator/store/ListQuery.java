package dev.calsync.emulator.store;

import java.util.List;

/** The filter parameters of events.list (and events.instances); null means "not given". */
public record ListQuery(Long timeMin, Long timeMax, Long updatedMin, boolean showDeleted, boolean singleEvents, Order orderBy,
                        String q, String iCalUID, List<String[]> privateProperties, List<String[]> sharedProperties) {

    public enum Order { NONE, START_TIME, UPDATED }

    public static ListQuery all(boolean includeCancelled) {
        return new ListQuery(null, null, null, includeCancelled, false, Order.NONE, null, null, List.of(), List.of());
    }
}
