package dev.calsync.app.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.core.provider.CallKind;
import dev.calsync.core.sync.CalendarReport;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.LeftOverBlocks;
import dev.calsync.core.sync.VerifyReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How sync, verify and cleanup results are printed: lines for people, one JSON object for scripts. */
public final class Reports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {
    }

    public static void printSync(PrintWriter out, GroupReport report, Map<CallKind, Long> calls) {
        if (report.outcome() == GroupReport.Outcome.LEASE_HELD) {
            out.printf("group %s: skipped, another calsync worker is syncing it right now (lease held)%n",
                    report.groupId());
            return;
        }
        out.printf("group %s (%s): %s in %d ms: %d inserted, %d updated, %d deleted%s%s%n", report.groupId(),
                report.mode(), report.outcome().name().toLowerCase(Locale.ROOT), report.took().toMillis(),
                report.inserted(), report.updated(), report.deleted(),
                report.handEdits() > 0 ? ", " + report.handEdits() + " hand edits seen" : "",
                report.skippedRecurring() > 0 ? ", " + report.skippedRecurring() + " recurring events not mirrored" : "");
        for (CalendarReport calendar : report.calendars()) {
            out.printf("  %-40s read %-11s %4d changes%s%s%n", calendar.calendar(), calendar.read(), calendar.changes(),
                    calendar.fullReason() == null ? "" : " (" + calendar.fullReason() + ")",
                    calendar.error() == null ? "" : "  ERROR " + calendar.error());
        }
        out.printf("  API calls: %s%n", describe(calls));
    }

    /** A paused group is skipped whole: nothing read, written or deleted until its accounts are reconnected. */
    public static void printPaused(PrintWriter out, String groupId, List<String> accounts) {
        out.printf("group %s: skipped, paused%s%n", groupId, accounts.isEmpty() ? ""
                : " until account " + String.join(", ", accounts) + " is reconnected (it is probed and resumes by"
                + " itself once it answers; sync --resume resumes now)");
    }

    public static ObjectNode pausedJson(String groupId, List<String> accounts) {
        ObjectNode node = JSON.createObjectNode();
        node.put("group", groupId);
        node.put("outcome", "paused");
        node.set("reconnectNeeded", strings(accounts));
        return node;
    }

    public static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    public static String describe(Map<CallKind, Long> calls) {
        if (calls.isEmpty()) {
            return "none";
        }
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        return calls.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
                .collect(Collectors.joining(", ")) + " (" + total + " total)";
    }

    public static ObjectNode syncJson(GroupReport report, Map<CallKind, Long> calls) {
        ObjectNode node = JSON.createObjectNode();
        node.put("group", report.groupId());
        node.put("outcome", report.outcome().name().toLowerCase(Locale.ROOT));
        node.put("mode", report.mode());
        node.put("inserted", report.inserted());
        node.put("updated", report.updated());
        node.put("deleted", report.deleted());
        node.put("forgotten", report.forgotten());
        node.put("handEdits", report.handEdits());
        node.put("recurringNotMirrored", report.skippedRecurring());
        node.put("failedWrites", report.failedWrites());
        node.put("millis", report.took().toMillis());
        ArrayNode calendars = node.putArray("calendars");
        for (CalendarReport calendar : report.calendars()) {
            ObjectNode c = calendars.addObject();
            c.put("calendar", calendar.calendar());
            c.put("read", calendar.read());
            c.put("changes", calendar.changes());
            c.put("fullReason", calendar.fullReason());
            c.put("error", calendar.error());
        }
        node.set("calls", callsJson(calls));
        return node;
    }

    public static ObjectNode callsJson(Map<CallKind, Long> calls) {
        ObjectNode node = JSON.createObjectNode();
        calls.forEach((kind, count) -> node.put(kind.name().toLowerCase(Locale.ROOT), count));
        return node;
    }

    public static void printVerify(PrintWriter out, VerifyReport report) {
        if (report.error() != null) {
            out.printf("group %s: could not verify: %s%n", report.groupId(), report.error());
            return;
        }
        if (report.retired()) {
            out.printf("group %s (removed from the configuration): PROBLEMS (%d orphans left; calsync cleanup "
                    + "removes them)%n", report.groupId(), report.count(VerifyReport.Kind.ORPHAN));
        } else {
            out.printf("group %s: %s (%d blocks expected, %d found; %d missing, %d duplicates, %d orphans, %d stale, "
                            + "%d busy-time differences; %d foreign blocks of another installation, left alone)%n",
                    report.groupId(), report.consistent() ? "consistent" : "PROBLEMS", report.desired(),
                    report.actual(), report.count(VerifyReport.Kind.MISSING), report.count(VerifyReport.Kind.DUPLICATE),
                    report.count(VerifyReport.Kind.ORPHAN), report.count(VerifyReport.Kind.STALE),
                    report.count(VerifyReport.Kind.BUSY_MISMATCH), report.foreign());
        }
        for (VerifyReport.Problem problem : report.problems()) {
            if (problem.detail() != null) {
                out.printf("  %-13s on %s: %s%n", problem.kind(), problem.target(), problem.detail());
            } else {
                out.printf("  %-13s on %s: block %s for %s event %s%n", problem.kind(), problem.target(),
                        problem.blockId(), problem.sourceCalendar(), problem.sourceEventId());
            }
        }
    }

    public static ObjectNode verifyJson(VerifyReport report) {
        ObjectNode node = JSON.createObjectNode();
        node.put("group", report.groupId());
        node.put("consistent", report.consistent());
        node.put("expected", report.desired());
        node.put("found", report.actual());
        node.put("foreign", report.foreign());
        node.put("retired", report.retired());
        for (VerifyReport.Kind kind : VerifyReport.Kind.values()) {
            node.put(kind.name().toLowerCase(Locale.ROOT), report.count(kind));
        }
        node.put("error", report.error());
        ArrayNode problems = node.putArray("problems");
        for (VerifyReport.Problem problem : report.problems()) {
            ObjectNode p = problems.addObject();
            p.put("kind", problem.kind().name().toLowerCase(Locale.ROOT));
            p.put("target", problem.target());
            p.put("blockId", problem.blockId());
            p.put("sourceCalendar", problem.sourceCalendar());
            p.put("sourceEventId", problem.sourceEventId());
            p.put("detail", problem.detail());
        }
        return node;
    }

    /** Blocks left where no configured group wants them, and how to remove them; nothing when there are none. */
    public static void printLeftOver(PrintWriter out, List<LeftOverBlocks> left, String hint) {
        for (LeftOverBlocks blocks : left) {
            out.printf("left over: %s%n", blocks.describe());
        }
        if (!left.isEmpty() && hint != null) {
            out.println("  " + hint);
        }
    }

    public static ArrayNode leftOverJson(List<LeftOverBlocks> left) {
        ArrayNode array = JSON.createArrayNode();
        for (LeftOverBlocks blocks : left) {
            array.addObject().put("group", blocks.groupId()).put("calendar", blocks.calendar())
                    .put("blocks", blocks.blocks()).put("groupRemoved", blocks.groupRetired());
        }
        return array;
    }

    public static void printJson(PrintWriter out, Object node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
