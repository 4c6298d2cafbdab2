package dev.calsync.core.sync;

import java.util.List;

/**
 * Blocks on the targets compared with what the sources want, read fresh from the provider.
 *
 * @param error   set when a calendar could not be read; then nothing is concluded
 * @param foreign blocks of another installation found on the group's calendars: never touched, only counted
 * @param retired true for a group taken out of the configuration whose blocks are still there (all orphans)
 */
public record VerifyReport(String groupId, int desired, int actual, List<Problem> problems, String error,
                           int foreign, boolean retired) {

    public enum Kind {
        /** A busy source event has no block on a target. */
        MISSING,
        /** More than one block for the same source event on one target. */
        DUPLICATE,
        /** A block whose source is gone, free, or out of the window. */
        ORPHAN,
        /** A block whose time or title differs from its source. */
        STALE,
        /**
         * Busy time of a calendar's blocks differs from the busy time of the group's other calendars, expanded
         * within the window (recurrences included); {@link Problem#detail()} names the interval. Ids are null.
         */
        BUSY_MISMATCH
    }

    /**
     * One problem, named by ids only: no event content.
     *
     * @param detail for {@link Kind#BUSY_MISMATCH}, "missing busy time START/END" or "extra busy time START/END"
     *               (UTC instants); null otherwise
     */
    public record Problem(Kind kind, String target, String blockId, String sourceCalendar, String sourceEventId,
                          String detail) {
        public Problem(Kind kind, String target, String blockId, String sourceCalendar, String sourceEventId) {
            this(kind, target, blockId, sourceCalendar, sourceEventId, null);
        }
    }

    public VerifyReport {
        problems = List.copyOf(problems);
    }

    public VerifyReport(String groupId, int desired, int actual, List<Problem> problems, String error) {
        this(groupId, desired, actual, problems, error, 0, false);
    }

    public boolean consistent() {
        return error == null && problems.isEmpty();
    }

    public long count(Kind kind) {
        return problems.stream().filter(p -> p.kind() == kind).count();
    }
}
