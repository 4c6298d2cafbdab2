package dev.calsync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import dev.calsync.core.group.Window;
import dev.calsync.core.provider.CallTally;
import dev.calsync.core.sync.GroupReport;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.SyncRequest;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.recurrence.LibRecurRecurrences;
import dev.calsync.store.Databases;
import dev.calsync.store.JdbcSyncStore;
import dev.calsync.store.StatementCountingDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code calsync bench --idle}: what one idle poll of one group costs the database (statements) and the engine
 * (CPU of the thread that runs the pass, the adapter's HTTP and JSON for the list calls included; the emulator's
 * server side not), with 100, 1,000 and 10,000 events on each of the group's two calendars. For comparison, the
 * same poll when the group's projection is not known to be valid, so the pass reloads and re-plans the group (what
 * every idle poll cost before).
 */
public final class IdleBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final CalendarRef A = new CalendarRef("acct", "a@bench.example");
    private static final CalendarRef B = new CalendarRef("acct", "b@bench.example");

    /** One size's figures; {@code projecting*} are the comparison pass. */
    public record Row(int eventsPerCalendar, double dbStatementsPerPass, double cpuMicrosPerPass,
                      double projectingDbStatementsPerPass, double projectingCpuMicrosPerPass,
                      double listCallsPerPass) {
    }

    private final int[] sizes;
    private final int idlePasses;
    private final int projectingPasses;

    public IdleBench(int[] sizes, int idlePasses, int projectingPasses) {
        this.sizes = sizes.clone();
        this.idlePasses = idlePasses;
        this.projectingPasses = projectingPasses;
    }

    public static IdleBench defaults() {
        return new IdleBench(new int[] {100, 1_000, 10_000}, 200, 10);
    }

    public List<Row> run() {
        List<Row> rows = new ArrayList<>();
        measure(sizes[0]); // warms up the JIT, which the first size would otherwise pay for
        for (int size : sizes) {
            rows.add(measure(size));
        }
        return rows;
    }

    private Row measure(int events) {
        BenchClock clock = new BenchClock(Workload.START);
        try (GoogleFace face = new GoogleFace(clock)) {
            HikariDataSource h2 = Databases.open("jdbc:h2:mem:idle-bench-" + events + "-" + System.nanoTime(), "sa", "");
            try {
                StatementCountingDataSource counting = new StatementCountingDataSource(h2);
                JdbcSyncStore store = new JdbcSyncStore(counting, clock);
                face.emulator.addAccount(A.accountId(), "token-acct");
                face.emulator.addCalendar(A.accountId(), A.calendarId(), "A", true);
                face.emulator.addCalendar(B.accountId(), B.calendarId(), "B", false);
                seed(face, A, events, 0);
                seed(face, B, events, 1);
                CallTally calls = new CallTally();
                GoogleCalendarProvider provider = face.provider(Map.of(A.accountId(), "token-acct"), calls,
                        delay -> { }, 1L, new CallCpu());
                SyncGroup group = new SyncGroup("idle-" + events, "bench", "Busy", Window.DEFAULT,
                        SyncMode.INCREMENTAL, ManualEditPolicy.RESTORE, List.of(A, B));
                store.saveGroup(group);
                SyncEngine engine = new SyncEngine(provider, store, new LibRecurRecurrences(), clock, "idle-bench",
                        Duration.ofMinutes(5));
                for (int pass = 0; pass < 4; pass++) { // the first sync, then the echoes of its writes
                    clock.set(clock.instant().plusSeconds(1));
                    engine.sync(group, SyncRequest.poll());
                }
                Sample idle = sample(engine, group, clock, counting, calls, idlePasses, () -> { });
                Sample projecting = sample(engine, group, clock, counting, calls, projectingPasses,
                        () -> store.saveProjectionValidity(group.id(), null));
                return new Row(events, idle.statements, idle.cpuMicros, projecting.statements, projecting.cpuMicros,
                        idle.calls);
            } finally {
                try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (SQLException e) {
                    // closing anyway
                }
                h2.close();
            }
        }
    }

    private record Sample(double statements, double cpuMicros, double calls) {
    }

    /** Median CPU and mean statements over {@code passes} polls, after as many for warming up. */
    private static Sample sample(SyncEngine engine, SyncGroup group, BenchClock clock,
                                 StatementCountingDataSource counting, CallTally calls, int passes, Runnable before) {
        long[] cpu = new long[passes];
        long statements = 0;
        long listCalls = 0;
        for (int round = 0; round < 2; round++) {
            statements = 0;
            listCalls = 0;
            for (int p = 0; p < passes; p++) {
                before.run();
                clock.set(clock.instant().plusSeconds(1));
                long s0 = counting.statements();
                long c0 = calls.total();
                long t0 = THREADS.getCurrentThreadCpuTime();
                GroupReport report = engine.sync(group, SyncRequest.poll());
                cpu[p] = THREADS.getCurrentThreadCpuTime() - t0;
                statements += counting.statements() - s0;
                listCalls += calls.total() - c0;
                if (report.inserted() + report.updated() + report.deleted() != 0) {
                    throw new IllegalStateException("an idle poll wrote: " + report);
                }
            }
        }
        Arrays.sort(cpu);
        return new Sample((double) statements / passes, cpu[passes / 2] / 1000.0, (double) listCalls / passes);
    }

    /** Single 30-minute events spread over the window, a few of them weekly series. */
    private static void seed(GoogleFace face, CalendarRef calendar, int events, int salt) {
        for (int i = 0; i < events; i++) {
            Instant start = Workload.START.plus(Duration.ofMinutes(30L * ((i * 7L + salt) % (85 * 24 * 2))))
                    .plus(Duration.ofDays(1));
            ObjectNode event = JsonNodeFactory.instance.objectNode();
            event.put("summary", "Event " + i);
            event.set("start", time(start));
            event.set("end", time(start.plus(Duration.ofMinutes(30))));
            if (i % 100 == 0) {
                event.putArray("recurrence").add("RRULE:FREQ=WEEKLY;COUNT=10");
            }
            face.emulator.userInsert(calendar.calendarId(), event);
        }
    }

    private static ObjectNode time(Instant at) {
        ObjectNode time = JsonNodeFactory.instance.objectNode();
        time.put("dateTime", at.toString());
        time.put("timeZone", "UTC");
        return time;
    }

    public static String toJson(List<Row> rows) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode idle = root.putArray("idlePass");
        ArrayNode projecting = root.putArray("projectingPass");
        for (Row row : rows) {
            idle.addObject().put("eventsPerCalendar", row.eventsPerCalendar())
                    .put("dbStatementsPerPass", row.dbStatementsPerPass())
                    .put("cpuMicrosPerPass", Math.round(row.cpuMicrosPerPass()))
                    .put("listCallsPerPass", row.listCallsPerPass());
            projecting.addObject().put("eventsPerCalendar", row.eventsPerCalendar())
                    .put("dbStatementsPerPass", row.projectingDbStatementsPerPass())
                    .put("cpuMicrosPerPass", Math.round(row.projectingCpuMicrosPerPass()));
        }
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toTable(List<Row> rows) {
        StringBuilder out = new StringBuilder("| events per calendar | idle: DB statements | idle: CPU µs | "
                + "projecting: DB statements | projecting: CPU µs |\n|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %,d | %.1f | %,.0f | %.1f | %,.0f |%n", row.eventsPerCalendar(),
                    row.dbStatementsPerPass(), row.cpuMicrosPerPass(), row.projectingDbStatementsPerPass(),
                    row.projectingCpuMicrosPerPass()));
        }
        return out.toString();
    }

    public static void main(String[] args) {
        List<Row> rows = defaults().run();
        boolean json = Arrays.asList(args).contains("--json");
        System.out.println(json ? toJson(rows) : toTable(rows));
    }

}
