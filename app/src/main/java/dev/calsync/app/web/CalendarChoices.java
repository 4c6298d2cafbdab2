package dev.calsync.app.web;

import dev.calsync.app.security.SignedInUser;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarNames;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The calendars a person can put into groups: each active account's calendar list, as {@link CalendarLists} keeps it. */
@Component
public class CalendarChoices {

    /** @param writable false for read-only calendars: they can be sources, but blocks cannot be written to them */
    public record Choice(String key, String summary, String accountLabel, boolean writable) {
    }

    /**
     * @param lists  each readable account's calendar list, by account id
     * @param readAt when the oldest of those lists was read, or null when there is none
     */
    public record Listing(List<Choice> choices, List<String> problems, Map<String, List<CalendarInfo>> lists,
                          Instant readAt, CalendarNames.Matcher matcher) {

        /** The one rule for calendars in a group, against these lists, each adapter answering for its aliases. */
        public CalendarNames.Resolution resolve(List<CalendarRef> named) {
            return CalendarNames.resolve(named, lists::get, matcher);
        }
    }

    private final OwnedResources owned;
    private final CalendarLists calendarLists;
    private final CalendarProvider provider;

    public CalendarChoices(OwnedResources owned, CalendarLists calendarLists, CalendarProvider provider) {
        this.owned = owned;
        this.calendarLists = calendarLists;
        this.provider = provider;
    }

    public Listing of(SignedInUser user) {
        List<Choice> choices = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, List<CalendarInfo>> lists = new HashMap<>();
        Instant readAt = null;
        for (Account account : owned.accounts(user)) {
            String label = labelOf(account);
            if (account.status() != AccountStatus.ACTIVE) {
                problems.add(label + ": reconnect this account to choose its calendars.");
                continue;
            }
            try {
                CalendarLists.Listed listed = calendarLists.of(account.id());
                lists.put(account.id(), listed.calendars());
                readAt = readAt == null || listed.readAt().isBefore(readAt) ? listed.readAt() : readAt;
                for (CalendarInfo calendar : listed.calendars()) {
                    choices.add(new Choice(new CalendarRef(account.id(), calendar.id()).key(),
                            calendar.summary() == null ? calendar.id() : calendar.summary(), label,
                            calendar.writable()));
                }
            } catch (ProviderException e) {
                problems.add(label + ": calendars could not be listed (" + e.kind().name().toLowerCase() + ").");
            }
        }
        return new Listing(choices, problems, lists, readAt, provider::calendarNamed);
    }

    /** The forget-all behind "Refresh calendar lists". */
    public void refresh(SignedInUser user) {
        owned.accounts(user).forEach(account -> calendarLists.forget(account.id()));
    }

    static String labelOf(Account account) {
        return account.email() != null ? account.email() : account.id();
    }
}
