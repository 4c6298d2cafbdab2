package dev.calsync.core.provider;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one provider the engine sees: each call goes to the adapter of the account's provider ("google",
 * "caldav", "microsoft", …), so a group can mix calendars of several services. An account whose provider has no
 * adapter here is refused, never guessed.
 */
public final class RoutingCalendarProvider implements CalendarProvider {
    private final Map<String, CalendarProvider> adapters;
    private final Function<String, String> providerOfAccount;

    /**
     * @param adapters          the adapters by provider name
     * @param providerOfAccount the provider name of an account id
     */
    public RoutingCalendarProvider(Map<String, CalendarProvider> adapters, Function<String, String> providerOfAccount) {
        this.adapters = Map.copyOf(adapters);
        this.providerOfAccount = Objects.requireNonNull(providerOfAccount, "providerOfAccount");
    }

    /** The adapter that serves the account. */
    public CalendarProvider adapterFor(String accountId) {
        String provider = providerOfAccount.apply(accountId);
        CalendarProvider adapter = provider == null ? null : adapters.get(provider);
        if (adapter == null) {
            throw new ProviderException(ProviderException.Kind.REJECTED, 0, "unknownProvider", "account " + accountId
                    + " uses provider '" + provider + "', which this installation has no adapter for (known: "
                    + String.join(", ", adapters.keySet().stream().sorted().toList()) + ")");
        }
        return adapter;
    }

    @Override
    public List<CalendarInfo> listCalendars(String accountId) {
        return adapterFor(accountId).listCalendars(accountId);
    }

    @Override
    public Optional<CalendarInfo> calendarNamed(String accountId, String name, List<CalendarInfo> listed) {
        return adapterFor(accountId).calendarNamed(accountId, name, listed);
    }

    @Override
    public ListOutcome listChanges(CalendarRef calendar, String syncToken) {
        return adapterFor(calendar.accountId()).listChanges(calendar, syncToken);
    }

    @Override
    public ChangeSet listAll(CalendarRef calendar, Instant timeMin) {
        return adapterFor(calendar.accountId()).listAll(calendar, timeMin);
    }

    @Override
    public InsertOutcome insert(CalendarRef calendar, String key, BlockBody body) {
        return adapterFor(calendar.accountId()).insert(calendar, key, body);
    }

    @Override
    public UpdateOutcome update(CalendarRef calendar, BlockHandle block, BlockBody body) {
        return adapterFor(calendar.accountId()).update(calendar, block, body);
    }

    @Override
    public DeleteOutcome delete(CalendarRef calendar, BlockHandle block) {
        return adapterFor(calendar.accountId()).delete(calendar, block);
    }

    @Override
    public UpdateOutcome updateOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence,
                                          BlockBody body) {
        return adapterFor(calendar.accountId()).updateOccurrence(calendar, series, occurrence, body);
    }

    @Override
    public DeleteOutcome cancelOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence) {
        return adapterFor(calendar.accountId()).cancelOccurrence(calendar, series, occurrence);
    }
}
