package dev.calsync.core.provider;

import dev.calsync.core.block.BlockBody;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.calendar.CalendarRef;
import java.time.Instant;
import java.util.List;

/**
 * A calendar service (Google today; CalDAV and Microsoft Graph next), seen through what sync needs.
 * Implementations page internally, retry transient failures with bounded backoff, report every call to a
 * {@link CallListener}, and throw {@link ProviderException} for failures that remain.
 */
public interface CalendarProvider {

    /** The calendars the account can see. */
    List<CalendarInfo> listCalendars(String accountId);

    /**
     * Everything changed since {@code syncToken}, deleted events included, all pages read.
     * An expired or refused token is an outcome, not an exception.
     */
    ListOutcome listChanges(CalendarRef calendar, String syncToken);

    /** Every event ending after {@code timeMin} (cancelled ones included), all pages read, with a new token. */
    ChangeSet listAll(CalendarRef calendar, Instant timeMin);

    /** Create an event with our chosen id and the block's fixed form. */
    InsertOutcome insert(CalendarRef calendar, String eventId, BlockBody body);

    /** Overwrite an event with the block's fixed form; revives an event that was deleted. */
    UpdateOutcome update(CalendarRef calendar, String eventId, BlockBody body);

    DeleteOutcome delete(CalendarRef calendar, String eventId);
}
