package dev.calsync.emulator.graph.delta;

import java.time.Instant;

/**
 * What a delta token stands for. A skip token is a page of a round: changes after {@code fromSeq} up to the round's
 * snapshot {@code toSeq}, from {@code offset} on. A delta token ends a round: the next round starts after
 * {@code fromSeq}. {@code fromSeq} is -1 for a round that starts from nothing (the initial full read).
 */
public record DeltaState(boolean skip, String calendarId, Instant windowStart, Instant windowEnd, long fromSeq, long toSeq,
                         int offset, long epoch) {

    public boolean initial() { return fromSeq < 0; }

    public DeltaState nextPage(int newOffset) { return new DeltaState(true, calendarId, windowStart, windowEnd, fromSeq, toSeq, newOffset, epoch); }

    public DeltaState endOfRound() { return new DeltaState(false, calendarId, windowStart, windowEnd, toSeq, toSeq, 0, epoch); }
}
