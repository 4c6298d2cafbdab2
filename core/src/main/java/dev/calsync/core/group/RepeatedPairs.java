package dev.calsync.core.group;

import dev.calsync.core.calendar.CalendarRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups may share a calendar, each with partners of its own; but two groups that both hold the same two calendars
 * would each put a block of one on the other: every event blocked twice. (Only one person's groups can meet so: a
 * calendar is reached through an account, and an account is one person's.) Pure; the calendars must be canonical
 * ids already (aliases resolved), or a repeat under two names goes unseen.
 */
public final class RepeatedPairs {

    private RepeatedPairs() {
    }

    /** Each pair of groups that holds two calendars in common, as a sentence naming both. */
    public static List<String> among(List<SyncGroup> groups) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                SyncGroup a = groups.get(i);
                SyncGroup b = groups.get(j);
                if (a.id().equals(b.id())) {
                    continue;
                }
                List<CalendarRef> shared = a.calendars().stream().filter(b.calendars()::contains).toList();
                if (shared.size() >= 2) {
                    problems.add(sentence(a, b, shared));
                }
            }
        }
        return problems;
    }

    /** The problems {@code candidate} would add to the person's other groups (for a form: one group at a time). */
    public static List<String> with(SyncGroup candidate, List<SyncGroup> others) {
        List<SyncGroup> all = new ArrayList<>();
        all.add(candidate);
        others.stream().filter(g -> !g.id().equals(candidate.id())).forEach(all::add);
        return among(all).stream().filter(p -> p.contains("'" + candidate.id() + "'")).toList();
    }

    private static String sentence(SyncGroup a, SyncGroup b, List<CalendarRef> shared) {
        return "groups '" + a.id() + "' and '" + b.id() + "' both hold "
                + String.join(" and ", shared.stream().map(CalendarRef::key).toList())
                + ": each would block every event of one on the other, so every block would be there twice;"
                + " keep each pair of calendars in one group";
    }
}
