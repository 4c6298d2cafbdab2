package dev.calsync.emulator.store;

/**
 * Where a paged list continues. {@code snapshotSeq} is the calendar's change sequence when the first page was
 * served; the final sync token carries it, so anything changed while the client pages comes back next sync.
 * {@code lastPrimary}/{@code lastId} is the sort key of the last item served (lastId null: nothing served yet).
 */
public record PageCursor(boolean incremental, boolean singleEvents, long fromSeq, long snapshotSeq, long lastPrimary, String lastId) {
    public PageCursor after(long primary, String id) {
        return new PageCursor(incremental, singleEvents, fromSeq, snapshotSeq, primary, id);
    }
}
