package dev.calsync.app.web;

import dev.calsync.app.security.SignedInUser;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStatus;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The calendars a person can put into groups: each active account's calendar list, read from the provider. */
@Component
public class CalendarChoices {

    /** @param writable false for read-only calendars: they can be sources, but blocks cannot be written to them */
    public record Choice(String key, String summary, String accountLabel, boolean writable) {
    }

    public record Listing(List<Choice> choices, List<String> problems) {
    }

    private final OwnedResources owned;
    private final CalendarProvider provider;

    public CalendarChoices(OwnedResources owned, CalendarProvider provider) {
        this.owned = owned;
        this.provider = provider;
    }

    public Listing of(SignedInUser user) {
        List<Choice> choices = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Account account : owned.accounts(user)) {
            String label = account.email() != null ? account.email() : account.id();
            if (account.status() != AccountStatus.ACTIVE) {
                problems.add(label + ": reconnect this account to choose its calendars.");
                continue;
            }
            try {
                for (CalendarInfo calendar : provider.listCalendars(account.id())) {
                    choices.add(new Choice(new CalendarRef(account.id(), calendar.id()).key(),
                            calendar.summary() == null ? calendar.id() : calendar.summary(), label,
                            calendar.writable()));
                }
            } catch (ProviderException e) {
                problems.add(label + ": calendars could not be listed (" + e.kind().name().toLowerCase() + ").");
            }
        }
        return new Listing(choices, problems);
    }
}
