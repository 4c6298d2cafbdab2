package dev.calsync.app.web;

import dev.calsync.core.sync.VerifyReport;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Words for what the code calls by enum names ({@code ${@labels.callKind(k)}}), and numbers as people write them. */
@Component("labels")
public class Labels {

    private static final Map<String, String> CALL_KINDS = Map.of(
            "CALENDAR_LIST", "calendar lists", "LIST", "event lists", "GET", "event reads",
            "INSERT", "blocks written", "UPDATE", "blocks rewritten", "PATCH", "blocks changed",
            "DELETE", "blocks deleted", "INSTANCES", "occurrence lists", "WATCH", "push channels opened",
            "STOP", "push channels closed");

    private static final Map<VerifyReport.Kind, String> PROBLEMS = Map.of(
            VerifyReport.Kind.MISSING, "Missing blocks",
            VerifyReport.Kind.DUPLICATE, "Duplicate blocks",
            VerifyReport.Kind.ORPHAN, "Orphaned blocks",
            VerifyReport.Kind.STALE, "Out-of-date blocks",
            VerifyReport.Kind.BUSY_MISMATCH, "Busy time that differs");

    private static final Map<String, String> OUTCOMES = Map.of(
            "synced", "synced",
            "partial", "partly synced (the rest is retried)",
            "lease_held", "skipped (another pass was running)");

    public String callKind(String kind) {
        return CALL_KINDS.getOrDefault(kind, kind.toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    public String problem(VerifyReport.Kind kind) {
        return PROBLEMS.get(kind);
    }

    public String outcome(String outcome) {
        return OUTCOMES.getOrDefault(outcome, outcome.replace('_', ' '));
    }

    /** 10000 as "10,000". */
    public String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
    }
}
