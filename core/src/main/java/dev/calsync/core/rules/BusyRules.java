package dev.calsync.core.rules;

import dev.calsync.core.event.SourceEvent;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which source events make blocks, beyond what always holds (declined, free, cancelled and calsync's own
 * blocks never do): tentative ones, all-day ones, out-of-office entries, titles to skip, and the hours busy
 * time is clipped to.
 *
 * @param hours null for all the time
 */
public record BusyRules(TentativeRule tentative, AllDayRule allDay, OutOfOfficeRule outOfOffice,
                        WorkingHours hours, SkipTitles skipTitles) {
    /** Today's behaviour: every busy event blocks, all the time. */
    public static final BusyRules DEFAULT = new BusyRules(null, null, null, null, null);

    public BusyRules {
        tentative = tentative == null ? TentativeRule.DEFAULT : tentative;
        allDay = allDay == null ? AllDayRule.OPAQUE : allDay;
        outOfOffice = outOfOffice == null ? OutOfOfficeRule.DEFAULT : outOfOffice;
        skipTitles = skipTitles == null ? SkipTitles.NONE : skipTitles;
    }

    /** Why these rules keep an otherwise busy event from blocking, or empty when they let it through. */
    public Optional<String> whyNot(SourceEvent event) {
        return Stream.of(allDay.whyNot(event), tentative.whyNot(event), outOfOffice.whyNot(event),
                skipTitles.whyNot(event)).flatMap(Optional::stream).findFirst();
    }

    /** True when an event shown as free blocks all the same (an all-day one under {@code allDay: always}). */
    public boolean overridesFree(SourceEvent event) {
        return allDay.overridesFree(event);
    }

    public BusyRules withHours(WorkingHours newHours) {
        return new BusyRules(tentative, allDay, outOfOffice, newHours, skipTitles);
    }
}
