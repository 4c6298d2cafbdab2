package dev.calsync.app.process;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.emulator.GoogleCalendarEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Real {@code calsync} processes ({@code java -jar app/target/calsync.jar}) against an in-process emulator: three
 * calendars of three accounts in one group, filled with hundreds of events, and a config file pointing at them.
 */
public final class CalsyncProcesses implements AutoCloseable {
    static final List<String> CALENDARS = List.of("p1@proc.example", "p2@proc.example", "p3@proc.example");
    static final List<String> ACCOUNTS = List.of("acct1", "acct2", "acct3");

    final GoogleCalendarEmulator emulator = GoogleCalendarEmulator.start(0);
    final Path dir;
    final Path config;
    final String storageUrl;
    private final List<Process> started = new ArrayList<>();
    private AutoCloseable hostedDatabase;

    CalsyncProcesses(Path dir, String storageUrl, String user, String password, String groupId) {
        this.dir = dir;
        this.storageUrl = storageUrl;
        for (int i = 0; i < 3; i++) {
            emulator.addAccount(ACCOUNTS.get(i), "token-" + ACCOUNTS.get(i));
            emulator.addCalendar(ACCOUNTS.get(i), CALENDARS.get(i), "Calendar " + (i + 1), true);
        }
        StringBuilder yaml = new StringBuilder();
        yaml.append("storage:\n  url: \"").append(storageUrl).append("\"\n");
        yaml.append("  user: \"").append(user != null ? user : "sa").append("\"\n");
        yaml.append("google:\n  rootUrl: \"").append(emulator.rootUrl()).append("\"\n");
        yaml.append("accounts:\n");
        for (String account : ACCOUNTS) {
            yaml.append("  - {id: ").append(account).append(", provider: google, accessToken: \"token-").append(account)
                    .append("\", owner: pat}\n");
        }
        yaml.append("groups:\n  - id: ").append(groupId).append("\n    owner: pat\n    calendars:\n");
        for (int i = 0; i < 3; i++) {
            yaml.append("      - {account: ").append(ACCOUNTS.get(i)).append(", calendar: \"").append(CALENDARS.get(i))
                    .append("\"}\n");
        }
        config = dir.resolve("calsync.yml");
        try {
            Files.writeString(config, yaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.password = password;
    }

    private final String password;

    /**
     * Opens the H2 file from this JVM and keeps it open, as a running {@code calsync serve} would: this JVM
     * becomes the file's server (automatic mixed mode) and the calsync processes connect through it, so a
     * killed process leaves no file lock behind for the next one to wait out.
     */
    CalsyncProcesses hostDatabase() {
        hostedDatabase = dev.calsync.store.Databases.open(storageUrl, "sa", "");
        return this;
    }

    /** {@code perCalendar} events on every calendar: single events, some all-day, some free, some series. */
    int seed(int perCalendar, long seed) {
        Random random = new Random(seed);
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        int busy = 0;
        for (String calendar : CALENDARS) {
            for (int i = 0; i < perCalendar; i++) {
                ObjectNode event = JsonNodeFactory.instance.objectNode();
                event.put("summary", "private " + calendar + " " + i);
                event.put("description", "secret agenda");
                Instant start = today.plus(Duration.ofDays(1 + random.nextInt(60))).plus(Duration.ofMinutes(30L * random.nextInt(40)));
                event.set("start", time(start));
                event.set("end", time(start.plus(Duration.ofMinutes(30L * (1 + random.nextInt(4))))));
                if (i % 10 == 3) {
                    event.putArray("recurrence").add("RRULE:FREQ=WEEKLY;COUNT=4");
                }
                if (i % 10 == 7) {
                    event.put("transparency", "transparent");
                } else {
                    busy++;
                }
                emulator.userInsert(calendar, event);
            }
        }
        return busy;
    }

    static ObjectNode time(Instant instant) {
        ObjectNode time = JsonNodeFactory.instance.objectNode();
        time.put("dateTime", instant.toString());
        time.put("timeZone", "UTC");
        return time;
    }

    /** Starts {@code calsync args…}; output (stdout and stderr) goes to a file named after {@code name}. */
    Process start(String name, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-jar",
                jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile());
        builder.environment().putAll(env);
        if (password != null) {
            builder.environment().put("CALSYNC_STORAGE_PASSWORD", password);
        }
        try {
            Process process = builder.start();
            started.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code calsync args…} to its end (at most two minutes) and returns exit code and output. */
    Run run(String name, Map<String, String> env, String... args) {
        Process process = start(name, env, args);
        return await(name, process);
    }

    Run await(String name, Process process) {
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not finish in two minutes:\n" + output(name));
            }
            return new Run(process.exitValue(), output(name));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String output(String name) {
        try {
            return Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    record Run(int exitCode, String output) {
    }

    /** Every event without the calsync marker, by calendar and id, as JSON text. */
    Map<String, String> userEvents() {
        Map<String, String> events = new TreeMap<>();
        for (String calendar : CALENDARS) {
            emulator.userListAll(calendar, true).stream().filter(e -> !isBlock(e))
                    .forEach(e -> events.put(calendar + "/" + e.get("id").asText(), e.toString()));
        }
        return events;
    }

    /** Live blocks per calendar, keyed by the source event they mirror: more than one per key is a duplicate. */
    Map<String, Integer> blockCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (String calendar : CALENDARS) {
            emulator.userListAll(calendar, false).stream().filter(CalsyncProcesses::isBlock).forEach(e -> {
                var marker = e.path("extendedProperties").path("private");
                counts.merge(calendar + "|" + marker.path("css").asText() + "|" + marker.path("cse").asText(), 1, Integer::sum);
            });
        }
        return counts;
    }

    static boolean isBlock(ObjectNode event) {
        return "1".equals(event.path("extendedProperties").path("private").path("calsync").asText());
    }

    /** The packaged calsync jar ({@code -Dcalsync.jar}, else target/calsync.jar) that child processes run. */
    public static Path jar() {
        String configured = System.getProperty("calsync.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "calsync.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no calsync jar at " + jar.toAbsolutePath() + ": run mvn package first");
        }
        return jar.toAbsolutePath();
    }

    /** The java launcher of this JVM, for child processes. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        started.forEach(Process::destroyForcibly);
        emulator.close();
        if (hostedDatabase != null) {
            try {
                hostedDatabase.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
