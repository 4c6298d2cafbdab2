package dev.calsync.core.sync;

import java.util.List;

/**
 * Blocks on the targets compared with what the sources want, read fresh from the provider.
 *
 * @param error set when a calendar could not be read; then nothing is concluded
 */
public record VerifyReport(String groupId, int desired, int actual, List<Problem> problems, String error) {

    public enum Kind {
        /** A busy source event has no block on a target. */
        MISSING,
        /** More than one block for the same source event on one target. */
        DUPLICATE,
        /** A block whose source is gone, free, or out of the window. */
        ORPHAN,
        /** A block whose time or title differs from its source. */
        STALE
    }

    /** One problem, named by ids only: no event content. */
    public record Problem(Kind kind, String target, String blockId, String sourceCalendar, String sourceEventId) {
    }

    public VerifyReport {
        problems = List.copyOf(problems);
    }

    public boolean consistent() {
        return error == null && problems.isEmpty();
    }

    public long count(Kind kind) {
        return problems.stream().filter(p -> p.kind() == kind).count();
    }
}
