package dev.calsync.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The published forms of a {@link BenchResult}: JSON (the shape of issue 8, which scripts compare across releases),
 * a Markdown table, and a hand-drawn SVG bar chart.
 *
 * <p>Lower bound: polling modes (naive and full are held to the 15-minute poller's bound) need polls × source
 * calendars lists plus changes × targets writes, where a change is a source event whose blocks must change (a
 * series edit is one) and targets are the group's other calendars. Push needs one list per changed calendar per
 * notification burst, plus the same writes, plus channel renewals (watch + stop) and the safety polls' lists.
 */
public final class BenchReport {
    /** The scale the client floor is projected to (#17's target). */
    private static final int FLOOR_USERS = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final BenchResult result;

    public BenchReport(BenchResult result) {
        this.result = result;
    }

    /** {@code {"users":N,"days":D,"modes":{"naive":{"calls":…,"callsPerUserDay":…,…},…}}}. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("users", result.options().users());
        root.put("days", result.options().days());
        Map<String, Object> modes = new LinkedHashMap<>();
        result.modes().forEach((name, mode) -> modes.put(name, modeJson(mode)));
        root.put("modes", modes);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("seed", result.options().seed());
        run.put("changesPerUserDay", result.options().changesPerUserDay());
        run.put("tokenExpiriesPerUserDay", result.options().tokenExpiriesPerDay());
        run.put("rateLimitBurstsPerUserDay", result.options().rateLimitBurstsPerDay());
        run.put("wallSeconds", Stats.round(result.wallSeconds(), 1));
        run.put("cpuSeconds", Stats.round(result.cpuSeconds(), 1));
        run.put("peakHeapMb", Stats.round(result.peakHeapMb(), 1));
        run.put("parallelBatches", result.parallelBatches());
        run.put("maxHeapMb", Stats.round(Runtime.getRuntime().maxMemory() / 1048576.0, 0));
        run.put("javaVersion", System.getProperty("java.version"));
        run.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        root.put("run", run);
        root.put("scale", scaleJson());
        try {
            return JSON.writeValueAsString(clean(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the run cost per simulated user: wall time, process CPU per user (every thread: engine, client, emulator,
     * H2, GC, JIT) and the heap retained after a full GC at a batch's end per user held at once, per mode and for the
     * whole run. Heap is bounded by the batches held, not the users simulated.
     */
    private Map<String, Object> scaleJson() {
        Map<String, Object> scale = new LinkedHashMap<>();
        int users = result.options().users();
        scale.put("users", users);
        scale.put("wallSeconds", Stats.round(result.wallSeconds(), 1));
        scale.put("processCpuSeconds", Stats.round(result.cpuSeconds(), 1));
        scale.put("processCpuMsPerUser", Stats.round(result.cpuSeconds() * 1000 / users, 1));
        scale.put("wallMsPerUser", Stats.round(result.wallSeconds() * 1000 / users, 1));
        scale.put("retainedHeapKbPerUserHeld", Stats.round(runRetainedKbPerUserHeld(), 0));
        Map<String, Object> modes = new LinkedHashMap<>();
        for (ModeResult m : result.modes().values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("users", m.users());
            row.put("wallSeconds", m.detail("wallSeconds"));
            row.put("processCpuSeconds", m.detail("processCpuSeconds"));
            row.put("processCpuMsPerUser", Stats.round(m.detail("processCpuSeconds") * 1000 / m.users(), 1));
            row.put("passCpuMsPerUser", perUser(m, "passCpuSeconds"));
            row.put("engineAndStoreCpuMsPerUser", perUser(m, m.detail("passCpuSeconds") - m.detail("callCpuSeconds")));
            row.put("clientCpuMsPerUser", perUser(m, clientCpuSeconds(m)));
            row.put("emulatorCpuMsPerUser", perUser(m, "emulatorCpuSeconds"));
            row.put("usersHeldAtOnce", (long) m.detail("usersHeldAtOnce"));
            row.put("retainedHeapMb", m.detail("retainedHeapMbAtBatchEnd"));
            row.put("retainedHeapKbPerUserHeld", Stats.round(retainedKbPerUserHeld(m), 0));
            modes.put(m.mode(), row);
        }
        scale.put("modes", modes);
        scale.put("clientFloor", clientFloorJson());
        return scale;
    }

    /**
     * What the official client and the adapter alone cost (their CPU inside the engine's calls, the emulator's
     * share taken out), per user over all modes that ran every user, and what that alone would take for 100,000
     * users on this machine's cores: a floor no engine or store work can go under while every call goes through
     * the client.
     */
    private Map<String, Object> clientFloorJson() {
        int users = result.options().users();
        double msPerUser = result.modes().values().stream().filter(m -> m.users() == users)
                .mapToDouble(m -> clientCpuSeconds(m) * 1000 / m.users()).sum();
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Object> floor = new LinkedHashMap<>();
        floor.put("clientCpuMsPerUser", Stats.round(msPerUser, 1));
        floor.put("cores", cores);
        floor.put("minutesFor100000Users", Stats.round(msPerUser * FLOOR_USERS / 1000 / cores / 60, 1));
        return floor;
    }

    private static double clientCpuSeconds(ModeResult m) {
        return m.detail("callCpuSeconds") - m.detail("emulatorCpuSeconds");
    }

    private static double perUser(ModeResult m, String secondsKey) {
        return perUser(m, m.detail(secondsKey));
    }

    private static double perUser(ModeResult m, double seconds) {
        return Stats.round(seconds * 1000 / m.users(), 1);
    }

    /**
     * The largest per-user heap of the modes that ran every user: the naive baseline runs a handful, whose fixed
     * costs spread over so few users would stand for the whole run.
     */
    private double runRetainedKbPerUserHeld() {
        int users = result.options().users();
        return result.modes().values().stream().filter(m -> m.users() == users)
                .mapToDouble(BenchReport::retainedKbPerUserHeld).max().orElse(Double.NaN);
    }

    private static double retainedKbPerUserHeld(ModeResult m) {
        return m.detail("retainedHeapMbAtBatchEnd") * 1024 / Math.max(1, m.detail("usersHeldAtOnce"));
    }

    private Map<String, Object> modeJson(ModeResult mode) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calls", mode.calls());
        m.put("callsPerUserDay", mode.callsPerUserDay());
        m.put("lowerBound", mode.lowerBound());
        m.put("ratioToLowerBound", mode.ratioToLowerBound());
        m.put("usersPerDailyQuota", mode.usersPerDailyQuota());
        m.put("propagationP95Seconds", mode.propagationP95Seconds());
        m.put("verifyConsistent", mode.verifyConsistent());
        ModeResult naive = result.mode(BenchOptions.NAIVE);
        if (naive != null && naive != mode) {
            m.put("reductionVsNaivePercent", Stats.round(100 * (1 - mode.callsPerUserDay() / naive.callsPerUserDay()), 2));
        }
        m.putAll(mode.details());
        return m;
    }

    /** NaN and infinities are not JSON: they become null. */
    private static Object clean(Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), clean(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(BenchReport::clean).toList();
        }
        return value;
    }

    public String toMarkdown() {
        BenchOptions o = result.options();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## calsync bench: %d users, %d simulated day(s), seed %d%n%n",
                o.users(), o.days(), o.seed()));
        md.append(String.format(Locale.ROOT, "Workload: %.0f changes per user-day, %.3f token expiries and %.3f "
                + "rate-limit bursts per user-day. Run took %.0f s (process CPU %.0f s, %d batch(es) at once), "
                + "peak heap %.0f MB.%n%n",
                o.changesPerUserDay(), o.tokenExpiriesPerDay(), o.rateLimitBurstsPerDay(), result.wallSeconds(),
                result.cpuSeconds(), result.parallelBatches(), result.peakHeapMb()));
        md.append("| mode | users | calls/user/day | list | insert | update/patch | delete | watch+stop | lower bound/user/day "
                + "| ratio | vs naive | users per 1,000,000/day | peak calls/min/user (limit 600) | p50 / p95 propagation "
                + "| verify |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        ModeResult naive = result.mode(BenchOptions.NAIVE);
        for (ModeResult m : result.modes().values()) {
            Map<String, Double> k = m.callsPerUserDayByKind();
            double lowerPerUserDay = m.detail("lowerBoundPerUserDay");
            String vsNaive = naive == null || naive == m ? "—"
                    : String.format(Locale.ROOT, "−%.1f %%", 100 * (1 - m.callsPerUserDay() / naive.callsPerUserDay()));
            String propagation = String.format(Locale.ROOT, "%s / %s s", num(m.detail("propagationP50Seconds"), 1),
                    num(m.propagationP95Seconds(), 1));
            if (m.details().containsKey("propagationWallP95Seconds")) {
                propagation += String.format(Locale.ROOT, " (wall %s / %s s)", num(m.detail("propagationWallP50Seconds"), 2),
                        num(m.detail("propagationWallP95Seconds"), 2));
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d | %s | %s |%n",
                    m.mode(), m.users(), num(m.callsPerUserDay(), 1), num(k.getOrDefault("list", 0.0), 1),
                    num(k.getOrDefault("insert", 0.0), 1),
                    num(k.getOrDefault("update", 0.0) + k.getOrDefault("patch", 0.0), 1),
                    num(k.getOrDefault("delete", 0.0), 1),
                    num(k.getOrDefault("watch", 0.0) + k.getOrDefault("stop", 0.0), 2),
                    num(lowerPerUserDay, 1), num(m.ratioToLowerBound(), 3), vsNaive, num(m.usersPerDailyQuota(), 0),
                    (long) m.detail("peakCallsPerMinutePerUser"), propagation,
                    m.verifyConsistent() ? "consistent" : "**INCONSISTENT**"));
        }
        md.append("\n");
        md.append("Lower bound: polling = polls × source calendars + changes × targets (naive and full are held to "
                + "the 15-minute poller's bound); push = one list per changed calendar per debounce window with a "
                + "user change + changes × targets + channel renewals + safety-poll lists. A change is a source event "
                + "whose blocks must change, counted once per pass however often it was edited since the last one (a "
                + "series edit is one; an edited occurrence is one); targets = calendars in the group − 1. Calls "
                + "exclude the initial sync and the end-of-day verify, and include every retry and error answer. Propagation is simulated "
                + "time from the change to the pass that picked it up, plus that pass's real duration; push's wall "
                + "clock is notification delivery + pass (its debounce window is simulated). Push runs the service's "
                + "own push rules and classes (calsync-push): fixed debounce windows, the echo ledger, channel "
                + "renewal.\n\n");
        for (ModeResult m : result.modes().values()) {
            md.append(String.format(Locale.ROOT, "- **%s**: initial sync %s calls/user; excess over bound %s; "
                    + "fault calls %s; engine CPU %s s per 1,000 user-days (whole process %s s); wall %s s; "
                    + "heap peak %s MB, retained after GC %s MB (%s users held)%s%n",
                    m.mode(), num(m.detail("initialCallsPerUser"), 1), m.details().get("excessOverLowerBound"),
                    (long) m.detail("faultCalls"), num(m.detail("engineCpuSecondsPer1000UserDays"), 1),
                    num(m.detail("processCpuSecondsPer1000UserDays"), 0), num(m.detail("wallSeconds"), 0),
                    num(m.detail("peakHeapMb"), 0), num(m.detail("retainedHeapMbAtBatchEnd"), 0),
                    (long) m.detail("usersHeldAtOnce"),
                    m.details().containsKey("push") ? "; push " + m.details().get("push") : ""));
        }
        md.append("\n### Scale\n\n");
        md.append("| mode | users | wall | process CPU per user | of it in passes: engine and store / official "
                + "client and adapter / emulator | retained heap per user held (users held) |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (ModeResult m : result.modes().values()) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %s s | %s ms | %s / %s / %s ms | %s KB (%d) |%n",
                    m.mode(), m.users(), num(m.detail("wallSeconds"), 0),
                    num(m.detail("processCpuSeconds") * 1000 / m.users(), 1),
                    num(perUser(m, m.detail("passCpuSeconds") - m.detail("callCpuSeconds")), 1),
                    num(perUser(m, clientCpuSeconds(m)), 1), num(perUser(m, "emulatorCpuSeconds"), 1),
                    num(retainedKbPerUserHeld(m), 0), (long) m.detail("usersHeldAtOnce")));
        }
        md.append(String.format(Locale.ROOT, "| **run** | %,d | %s s | %s ms | | %s KB |%n%n", o.users(),
                num(result.wallSeconds(), 0), num(result.cpuSeconds() * 1000 / o.users(), 1),
                num(runRetainedKbPerUserHeld(), 0)));
        md.append("Process CPU counts every thread (engine, official client, emulator, H2, GC, JIT) on this machine; "
                + "the split is the pass threads' own CPU, inside and outside their provider calls. Heap is measured "
                + "after a full GC at each batch's end, so it is bounded by the users held at once, not by the users "
                + "simulated.\n");
        Map<String, Object> floor = clientFloorJson();
        md.append(String.format(Locale.ROOT, "%nThe official client and the adapter alone cost %s ms per user over "
                        + "these modes: for %,d users that is %s minutes of %d cores before the engine, the store or "
                        + "the emulator do anything.%n", num((double) floor.get("clientCpuMsPerUser"), 1), FLOOR_USERS,
                num((double) floor.get("minutesFor100000Users"), 1), (int) floor.get("cores")));
        return md.toString();
    }

    /** Two bar charts side by side: calls per user-day (log scale) and users per daily quota (log scale), by mode. */
    public String toSvg() {
        List<ModeResult> modes = new ArrayList<>(result.modes().values());
        int barWidth = 56;
        int gap = 18;
        int chartHeight = 260;
        int panelWidth = Math.max(260, modes.size() * (barWidth + gap) + gap + 60);
        int width = panelWidth * 2 + 40;
        int height = chartHeight + 130;
        String[] colours = {"#c0392b", "#2980b9", "#3498db", "#8e44ad", "#27ae60", "#7f8c8d"};
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" text-anchor=\"middle\" font-size=\"15\" "
                + "font-weight=\"bold\">calsync bench: %d users, %d day(s)</text>%n", width / 2,
                result.options().users(), result.options().days()));
        panel(svg, modes, 20, "API calls per user per day (log scale)", m -> m.callsPerUserDay(), panelWidth,
                chartHeight, barWidth, gap, colours, Benchmark.DAILY_QUOTA / 10_000.0, "10,000 users/quota");
        panel(svg, modes, 20 + panelWidth + 20, "Users per 1,000,000 calls/day (log scale)", ModeResult::usersPerDailyQuota,
                panelWidth, chartHeight, barWidth, gap, colours, 10_000, "goal 10,000");
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void panel(StringBuilder svg, List<ModeResult> modes, int x0, String title,
                              java.util.function.ToDoubleFunction<ModeResult> value, int panelWidth, int chartHeight,
                              int barWidth, int gap, String[] colours, double referenceValue, String referenceLabel) {
        int top = 50;
        int left = x0 + 50;
        int bottom = top + chartHeight;
        double max = modes.stream().mapToDouble(value).filter(v -> v > 0 && !Double.isInfinite(v)).max().orElse(10);
        max = Math.max(max, referenceValue);
        int decades = Math.max(1, (int) Math.ceil(Math.log10(max)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>%n",
                x0 + panelWidth / 2, top - 14, escape(title)));
        for (int d = 0; d <= decades; d++) {
            double y = bottom - (double) chartHeight * d / decades;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    left, y, x0 + panelWidth, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%s</text>%n",
                    left - 4, y + 4, String.format(Locale.ROOT, "%,d", (long) Math.pow(10, d))));
        }
        double refY = bottom - chartHeight * Math.log10(Math.max(1, referenceValue)) / decades;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e67e22\" "
                + "stroke-dasharray=\"6 4\"/>%n", left, refY, x0 + panelWidth, refY));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#e67e22\">%s</text>%n",
                x0 + panelWidth, refY - 4, escape(referenceLabel)));
        for (int i = 0; i < modes.size(); i++) {
            ModeResult m = modes.get(i);
            double v = value.applyAsDouble(m);
            double h = v <= 1 || Double.isNaN(v) ? 0 : chartHeight * Math.min(1.0, Math.log10(v) / decades);
            int x = left + gap + i * (barWidth + gap);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>%n",
                    x, bottom - h, barWidth, h, colours[i % colours.length]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                    x + barWidth / 2, bottom - h - 4, String.format(Locale.ROOT, "%,.0f", v)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x + barWidth / 2, bottom + 16, escape(m.mode())));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                left, bottom, x0 + panelWidth, bottom));
    }

    /** Writes bench.json, bench.md and bench.svg into {@code directory} (created if missing). */
    public void writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("bench.json"), toJson(), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("bench.md"), toMarkdown(), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("bench.svg"), toSvg(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String num(double value, int digits) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%,." + digits + "f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
