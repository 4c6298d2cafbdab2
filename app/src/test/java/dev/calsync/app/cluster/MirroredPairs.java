package dev.calsync.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calsync.app.fixtures.EmulatorEvents;
import dev.calsync.emulator.CallKind;
import dev.calsync.emulator.GoogleCalendarEmulator;
import java.io.IOException;
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

/**
 * Many users with two calendars each ({@code a} and {@code b}, one group per user) on an emulator, the source events
 * the test made on them (the expected state), and a {@code serve} configuration for them, polling only.
 */
final class MirroredPairs {
    static final String TITLE_MARK = "private-title-";

    private final GoogleCalendarEmulator emulator;
    private final int users;
    /** The expected source events per calendar: id → start. */
    private final Map<String, Map<String, Instant>> sources = new TreeMap<>();
    private int titles;

    /** Adds the users' accounts and calendars to {@code emulator}, each calendar with one event. */
    MirroredPairs(GoogleCalendarEmulator emulator, int users, Random random) {
        this.emulator = emulator;
        this.users = users;
        for (int u = 0; u < users; u++) {
            emulator.addAccount(account(u), "tok-" + account(u));
            for (String side : List.of("a", "b")) {
                emulator.addCalendar(account(u), calendar(u, side), "Calendar " + side, "a".equals(side));
                insert(u, side, random);
            }
        }
    }

    int users() {
        return users;
    }

    /** A new meeting, a move or a deletion on one side of a random user. */
    void change(Random random) {
        int u = random.nextInt(users);
        String side = random.nextBoolean() ? "a" : "b";
        Map<String, Instant> events = sources.computeIfAbsent(calendar(u, side), c -> new TreeMap<>());
        int kind = events.isEmpty() ? 0 : random.nextInt(3);
        if (kind == 0) {
            insert(u, side, random);
        } else {
            String id = new ArrayList<>(events.keySet()).get(random.nextInt(events.size()));
            if (kind == 1) {
                Instant start = events.get(id).plus(Duration.ofHours(1 + random.nextInt(48)));
                emulator.userUpdate(calendar(u, side), id, EmulatorEvents.meeting(start, TITLE_MARK + (titles++)));
                events.put(id, start);
            } else {
                emulator.userDelete(calendar(u, side), id);
                events.remove(id);
            }
        }
    }

    private void insert(int u, String side, Random random) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(2 + random.nextInt(24 * 40)));
        ObjectNode created = emulator.userInsert(calendar(u, side), EmulatorEvents.meeting(start, TITLE_MARK + (titles++)));
        sources.computeIfAbsent(calendar(u, side), c -> new TreeMap<>()).put(created.get("id").asText(), start);
    }

    /** Every source event has exactly one block at its time on the other calendar, and there is nothing else. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (String side : List.of("a", "b")) {
                String target = calendar(u, "a".equals(side) ? "b" : "a");
                Map<String, Instant> expected = sources.getOrDefault(calendar(u, side), Map.of());
                Map<String, Integer> seen = new HashMap<>();
                for (ObjectNode event : emulator.userListAll(target, false)) {
                    JsonNode marker = event.path("extendedProperties").path("private");
                    if (!marker.has("calsync")) {
                        continue;
                    }
                    String source = marker.path("cse").asText();
                    seen.merge(source, 1, Integer::sum);
                    Instant start = Instant.parse(event.path("start").path("dateTime").asText());
                    if (!start.equals(expected.get(source))) {
                        problems.add(target + ": " + (expected.containsKey(source) ? "stale" : "orphan") + " " + source);
                    }
                }
                for (String source : expected.keySet()) {
                    int count = seen.getOrDefault(source, 0);
                    if (count != 1) {
                        problems.add(target + ": " + count + " blocks for " + source);
                    }
                }
            }
        }
        return problems;
    }

    /** Block writes the emulator answered with success. */
    long okWrites() {
        var counters = emulator.counters();
        return counters.total(CallKind.INSERT) + counters.total(CallKind.UPDATE) + counters.total(CallKind.DELETE)
                - counters.failed(CallKind.INSERT) - counters.failed(CallKind.UPDATE) - counters.failed(CallKind.DELETE);
    }

    /** The instance ids of the calendars' poll tasks. */
    List<String> pollTaskIds() {
        List<String> ids = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (String side : List.of("a", "b")) {
                ids.add(account(u) + "|" + calendar(u, side));
            }
        }
        return ids;
    }

    Path writeConfig(Path dir, String url, String user, String issuer, Duration poll) throws IOException {
        StringBuilder yaml = new StringBuilder();
        yaml.append("storage: {url: \"").append(url).append("\", user: \"").append(user).append("\"}\n");
        yaml.append("google: {rootUrl: \"").append(emulator.rootUrl()).append("\"}\n");
        yaml.append("sync: {pollInterval: ").append(poll.toSeconds()).append("s}\n");
        yaml.append("oauth: {issuerUri: \"").append(issuer).append("\", clientId: multinode}\n");
        yaml.append("accounts:\n");
        for (int u = 0; u < users; u++) {
            yaml.append("  - {id: ").append(account(u)).append(", accessToken: tok-").append(account(u))
                    .append(", owner: ").append(account(u)).append("}\n");
        }
        yaml.append("groups:\n");
        for (int u = 0; u < users; u++) {
            yaml.append("  - {id: g").append(u).append(", owner: ").append(account(u)).append(", calendars: [")
                    .append("{account: ").append(account(u)).append(", calendar: \"").append(calendar(u, "a"))
                    .append("\"}, {account: ").append(account(u)).append(", calendar: \"").append(calendar(u, "b"))
                    .append("\"}]}\n");
        }
        Path file = dir.resolve("calsync.yml");
        Files.writeString(file, yaml.toString());
        return file;
    }

    static String account(int u) {
        return "m" + u;
    }

    static String calendar(int u, String side) {
        return "m" + u + "-" + side + "@multi.example";
    }
}
