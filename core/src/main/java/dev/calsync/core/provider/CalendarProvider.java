package dev.calsync.core.provider;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.block.BlockHandle;
import dev.calsync.core.block.OccurrenceRef;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarNames;
import dev.calsync.core.calendar.CalendarRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A calendar service (Google, CalDAV, Microsoft Graph), seen through what sync needs. Implementations page
 * internally, retry transient failures with bounded backoff, report every call to a {@link CallListener}, and
 * throw {@link ProviderException} for failures that remain.
 *
 * <p>Blocks are named by calsync's deterministic key ({@link BlockHandle#key()}), whatever the provider does
 * with ids: a provider that lets the client choose ids uses the key; one that assigns ids itself returns its id
 * in the handle, which calsync keeps beside the key and hands back on every later write. Every write must be
 * idempotent under retries and lost answers: inserting a key that exists answers {@link InsertOutcome.AlreadyExists},
 * never a second block.
 *
 * <p>Events read back from a calendar are {@link dev.calsync.core.event.SourceEvent}s whose id is the provider's
 * own id; an occurrence of a series carries its series' id and original start.
 */
public interface CalendarProvider {

    /** The calendars the account can see. */
    List<CalendarInfo> listCalendars(String accountId);

    /**
     * The calendar that {@code name} (as a group names it: an id, or an alias such as {@code primary}) means in the
     * account's calendar list, if it means one. Each adapter answers for its own aliases; by default an id of the
     * list, or {@value CalendarNames#PRIMARY} for the one the list marks primary.
     */
    default Optional<CalendarInfo> calendarNamed(String accountId, String name, List<CalendarInfo> listed) {
        return CalendarNames.resolve(name, listed);
    }

    /**
     * Everything changed since {@code syncToken}, deleted events included, all pages read.
     * An expired or refused token is an outcome, not an exception.
     */
    ListOutcome listChanges(CalendarRef calendar, String syncToken);

    /** Every event ending after {@code timeMin} (cancelled ones included), all pages read, with a new token. */
    ChangeSet listAll(CalendarRef calendar, Instant timeMin);

    /** Create a block (a single block or a whole series) under calsync's key, in the block's fixed form. */
    InsertOutcome insert(CalendarRef calendar, String key, BlockBody body);

    /** Overwrite a block with the block's fixed form; revives a block that was deleted. */
    UpdateOutcome update(CalendarRef calendar, BlockHandle block, BlockBody body);

    DeleteOutcome delete(CalendarRef calendar, BlockHandle block);

    /**
     * Make one occurrence of a block series look as {@code body} says (an override of the series).
     * {@link UpdateOutcome.NotFound} when the series has no such occurrence (its rule changed, or it was moved by
     * hand) or the series is not there.
     */
    UpdateOutcome updateOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence, BlockBody body);

    /** Cancel one occurrence of a block series; {@link DeleteOutcome#ALREADY_GONE} when it does not take place. */
    DeleteOutcome cancelOccurrence(CalendarRef calendar, BlockHandle series, OccurrenceRef occurrence);
}
