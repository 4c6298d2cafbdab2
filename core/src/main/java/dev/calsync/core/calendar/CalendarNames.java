package dev.calsync.core.calendar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one rule for which calendars may be in a group, for the web form and the command line alike: only one that
 * its account's own calendar list has, under the id the list gives it; {@value #PRIMARY} names the one the list
 * marks primary. So one calendar can never be in a group twice under two names (its blocks would land on itself).
 */
public final class CalendarNames {

    /** The alias of an account's main calendar. */
    public static final String PRIMARY = "primary";

    /**
     * @param calendars the named calendars under their own ids, in the order named, each once
     * @param problems  what is wrong, each naming the entries concerned; empty when the names may be used
     */
    public record Resolution(List<CalendarRef> calendars, List<String> problems) {
        public Resolution {
            calendars = List.copyOf(calendars);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private CalendarNames() {
    }

    /** The calendar {@code name} means in an account's calendar list, if it means one. */
    public static Optional<CalendarInfo> resolve(String name, List<CalendarInfo> listed) {
        for (CalendarInfo calendar : listed) {
            if (calendar.id().equals(name) || (PRIMARY.equals(name) && calendar.primary())) {
                return Optional.of(calendar);
            }
        }
        return Optional.empty();
    }

    /** Which listed calendar a name means for an account: each provider's adapter answers for its own aliases. */
    @FunctionalInterface
    public interface Matcher {
        Optional<CalendarInfo> match(String accountId, String name, List<CalendarInfo> listed);
    }

    /**
     * @param named  the calendars as given: {@code account/calendar}, ids or aliases
     * @param listOf an account's calendar list, asked once per account; null when it cannot be read
     */
    public static Resolution resolve(List<CalendarRef> named, Function<String, List<CalendarInfo>> listOf) {
        return resolve(named, listOf, (account, name, listed) -> resolve(name, listed));
    }

    /** As {@link #resolve(List, Function)}, with the names matched by {@code matcher}. */
    public static Resolution resolve(List<CalendarRef> named, Function<String, List<CalendarInfo>> listOf,
                                     Matcher matcher) {
        Map<String, List<CalendarInfo>> lists = new HashMap<>();
        Map<CalendarRef, CalendarRef> firstNameOf = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (CalendarRef name : named) {
            List<CalendarInfo> listed = lists.computeIfAbsent(name.accountId(), listOf);
            if (listed == null) {
                problems.add(name.key() + ": the calendar list of account " + name.accountId()
                        + " could not be read, so the calendar cannot be checked");
                continue;
            }
            Optional<CalendarInfo> calendar = matcher.match(name.accountId(), name.calendarId(), listed);
            if (calendar.isEmpty()) {
                problems.add(name.key() + ": not in the calendar list of account " + name.accountId());
                continue;
            }
            CalendarRef canonical = new CalendarRef(name.accountId(), calendar.get().id());
            CalendarRef first = firstNameOf.putIfAbsent(canonical, name);
            if (first != null) {
                problems.add(first.equals(name) ? name.key() + " is named twice"
                        : first.key() + " and " + name.key() + " are the same calendar (" + canonical.key() + ")");
            }
        }
        return new Resolution(new ArrayList<>(firstNameOf.keySet()), problems);
    }
}
