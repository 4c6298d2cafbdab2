package dev.calsync.bench;

import dev.calsync.bench.Workload.Change;
import dev.calsync.bench.Workload.User;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.CallListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The calendar service one batch runs against: an emulator, the adapter that reads and writes it, and the person's
 * edits of the workload in that service's own terms. Google ({@link GoogleFace}) or Microsoft Graph
 * ({@link GraphFace}).
 */
interface CalendarFace extends AutoCloseable {

    /**
     * The adapter on this emulator, as the service builds it.
     *
     * @param calls   told of every call; {@link CallListener#NONE} for the verifier's own reads
     * @param backoff told of every wait between retries instead of waiting
     * @param cpu     told of the emulator's CPU where it answers on the caller's thread (in memory)
     */
    CalendarProvider provider(Map<String, String> tokens, CallListener calls, Consumer<Duration> backoff, long seed,
                              CallCpu cpu);

    /** Creates the user's accounts, calendars and first events; returns the user's calendars as the adapter names them. */
    List<CalendarRef> seed(User user);

    /** One edit of the person's, made in the service's own client (not metered by the emulator). */
    void apply(Change change);

    /** The account's next {@code count} calls are throttled. */
    void throttle(String accountId, int count);

    /** Calls the emulator answered so far. */
    long totalCalls();

    /** The same, by the emulator's kind of call. */
    Map<String, Long> callsByKind();

    @Override
    void close();
}
