package dev.calsync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.emulator.GoogleCalendarEmulator;
import dev.calsync.store.Databases;
import dev.calsync.store.JdbcSyncStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, items 2 and 5, through the command line against the emulator, on H2 and (when CI provides one)
 * PostgreSQL: a calendar is known by its own id whatever alias names it, so naming one twice, naming an unknown
 * one or repeating a pair across groups is refused before any write; a revoked token pauses, a restored one
 * resumes by itself.
 */
class CalendarIdentityCliTest {

    @TempDir
    Path dir;

    private GoogleCalendarEmulator emulator;
    /** Account and group ids of this test alone: one PostgreSQL database serves every run. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String work = "work" + run;
    private final String home = "home" + run;
    private final String client = "client" + run;

    static List<String> databases() {
        List<String> databases = new ArrayList<>(List.of("h2"));
        String postgres = System.getenv("CALSYNC_TEST_POSTGRES_URL");
        if (postgres != null && !postgres.isBlank()) {
            databases.add("postgresql");
        }
        return databases;
    }

    @BeforeEach
    void startEmulator() {
        emulator = GoogleCalendarEmulator.start(0);
        emulator.addAccount(work, "work-token").addAccount(home, "home-token").addAccount(client, "client-token");
        emulator.addCalendar(work, "me@work.example", "Work", true);
        emulator.addCalendar(work, "team@work.example", "Team", false);
        emulator.addCalendar(home, "me@home.example", "Home", true);
        emulator.addCalendar(client, "me@client.example", "Client", true);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private void config(String database, String groups) throws IOException {
        String storage = database.equals("h2") ? "{url: \"jdbc:h2:file:" + dir.toAbsolutePath() + "/db\"}"
                : "{url: \"" + System.getenv("CALSYNC_TEST_POSTGRES_URL") + "\", user: \""
                + System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_USER", "calsync") + "\", password: \""
                + System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_PASSWORD", "calsync") + "\"}";
        Files.writeString(dir.resolve("calsync.yml"), """
                storage: %s
                google: {rootUrl: "%s"}
                accounts:
                  - {id: %s, provider: google, accessToken: work-token}
                  - {id: %s, provider: google, accessToken: home-token}
                  - {id: %s, provider: google, accessToken: client-token}
                groups:
                %s""".formatted(storage, emulator.rootUrl(), work, home, client,
                groups.replace("WORK", work).replace("HOME", home).replace("CLIENT", client)
                        .replace("GROUP", "g" + run)));
    }

    private CliRun calsync(String... args) {
        return CliRun.run(dir, Map.of(), args);
    }

    private void meeting(String calendar, int day) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(day, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("summary", "Planning");
        event.putObject("start").put("dateTime", start.toString());
        event.putObject("end").put("dateTime", start.plus(1, ChronoUnit.HOURS).toString());
        emulator.userInsert(calendar, event);
    }

    private long blocks(String calendar) {
        return emulator.userListAll(calendar, false).stream()
                .filter(e -> "1".equals(e.path("extendedProperties").path("private").path("calsync").asText()))
                .count();
    }

    private long blocksEverywhere() {
        return blocks("me@work.example") + blocks("team@work.example") + blocks("me@home.example")
                + blocks("me@client.example");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void oneCalendarNamedTwiceUnderAnAliasIsRefusedWithExitTwoNamingBothEntriesAndNothingWritten(String db)
            throws IOException {
        config(db, """
                  - id: GROUP
                    calendars:
                      - {account: WORK, calendar: primary}
                      - {account: WORK, calendar: me@work.example}
                      - {account: HOME, calendar: me@home.example}
                """);
        meeting("me@work.example", 1);
        meeting("me@home.example", 2);

        CliRun sync = calsync("sync");

        assertThat(sync.exitCode()).as(sync.out() + sync.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(sync.err()).contains("calendars[0]", work + "/primary", work + "/me@work.example",
                "same calendar");
        assertThat(blocksEverywhere()).isZero();
        assertThat(calsync("verify").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(calsync("cleanup").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(blocksEverywhere()).isZero();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAliasIsResolvedToTheCalendarsOwnIdAndASecondRunAsksForNoCalendarList(String db) throws IOException {
        config(db, """
                  - id: GROUP
                    calendars:
                      - {account: WORK, calendar: primary}
                      - {account: HOME, calendar: me@home.example}
                """);
        meeting("me@work.example", 1);

        CliRun first = calsync("sync");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains(work + "/me@work.example").doesNotContain(work + "/primary");
        assertThat(blocks("me@home.example")).isEqualTo(1);
        assertThat(blocks("me@work.example")).isZero();

        CliRun again = calsync("sync", "--json");
        assertThat(again.out()).contains("\"totalCalls\" : 2");
        CliRun verify = calsync("verify");
        assertThat(verify.exitCode()).as(verify.out()).isZero();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCalendarTheAccountCannotSeeIsNamedAsAnError(String db) throws IOException {
        config(db, """
                  - id: GROUP
                    calendars:
                      - {account: WORK, calendar: someone-else@work.example}
                      - {account: HOME, calendar: me@home.example}
                """);
        meeting("me@home.example", 1);

        CliRun sync = calsync("sync");

        assertThat(sync.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(sync.err()).contains("calendars[0]", work + "/someone-else@work.example", "no such calendar");
        assertThat(blocksEverywhere()).isZero();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoGroupsRepeatingAPairAreRefusedNamingGroupsAndCalendarsButSharingOneCalendarIsAllowed(String db)
            throws IOException {
        config(db, """
                  - id: GROUPa
                    calendars:
                      - {account: WORK, calendar: me@work.example}
                      - {account: HOME, calendar: me@home.example}
                  - id: GROUPb
                    calendars:
                      - {account: HOME, calendar: me@home.example}
                      - {account: WORK, calendar: primary}
                      - {account: CLIENT, calendar: me@client.example}
                """);
        meeting("me@work.example", 1);

        CliRun refused = calsync("sync");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("'g" + run + "a'", "'g" + run + "b'", work + "/me@work.example",
                home + "/me@home.example");
        assertThat(blocksEverywhere()).isZero();

        config(db, """
                  - id: GROUPa
                    calendars:
                      - {account: WORK, calendar: me@work.example}
                      - {account: HOME, calendar: me@home.example}
                  - id: GROUPb
                    calendars:
                      - {account: WORK, calendar: primary}
                      - {account: CLIENT, calendar: me@client.example}
                """);
        CliRun allowed = calsync("sync");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(blocks("me@home.example")).isEqualTo(1);
        assertThat(blocks("me@client.example")).isEqualTo(1);
    }

    /** A group as the web UI saves one (not from a file), in the database the file names. */
    private void saveWebGroup(String db, SyncGroup group) {
        String url = db.equals("h2") ? "jdbc:h2:file:" + dir.toAbsolutePath() + "/db"
                : System.getenv("CALSYNC_TEST_POSTGRES_URL");
        try (HikariDataSource dataSource = Databases.open(url,
                db.equals("h2") ? null : System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_USER", "calsync"),
                db.equals("h2") ? null : System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_PASSWORD", "calsync"))) {
            JdbcSyncStore store = new JdbcSyncStore(dataSource);
            if (group.calendars().isEmpty()) {
                store.deleteGroup(group.id());
            } else {
                store.saveGroup(group);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFileRepeatingAPairOfAGroupMadeInTheWebUiIsRefusedNamingBothGroupsAndNothingIsWritten(String db)
            throws IOException {
        String web = "web" + run;
        saveWebGroup(db, new SyncGroup(web, "alice-subject", "Busy", null, null, null, List.of(
                new CalendarRef(work, "me@work.example"), new CalendarRef(home, "me@home.example"))));
        try {
            config(db, """
                      - id: GROUP
                        calendars:
                          - {account: HOME, calendar: me@home.example}
                          - {account: WORK, calendar: primary}
                          - {account: CLIENT, calendar: me@client.example}
                    """);
            meeting("me@work.example", 1);
            meeting("me@client.example", 2);

            CliRun refused = calsync("sync");
            assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(refused.err()).contains("'g" + run + "'", "'" + web + "'", "made in the web UI",
                    work + "/me@work.example", home + "/me@home.example");
            assertThat(calsync("verify").exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(blocksEverywhere()).isZero();

            // Sharing one calendar with the web group is allowed.
            config(db, """
                      - id: GROUP
                        calendars:
                          - {account: WORK, calendar: primary}
                          - {account: CLIENT, calendar: me@client.example}
                    """);
            CliRun allowed = calsync("sync");
            assertThat(allowed.exitCode()).as(allowed.err()).isZero();
            assertThat(blocks("me@client.example")).isEqualTo(1);
            assertThat(blocks("me@work.example")).isEqualTo(1);
        } finally {
            saveWebGroup(db, new SyncGroup(web, "alice-subject", "Busy", null, null, null, List.of()));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRevokedTokenPausesAndARestoredOneResumesWithoutResume(String db) throws IOException {
        config(db, """
                  - id: GROUP
                    calendars:
                      - {account: WORK, calendar: primary}
                      - {account: HOME, calendar: me@home.example}
                """);
        meeting("me@work.example", 1);
        assertThat(calsync("sync").exitCode()).isZero();
        assertThat(blocks("me@home.example")).isEqualTo(1);

        emulator.addAccount(work, "a-token-the-config-does-not-have"); // the grant is revoked
        meeting("me@home.example", 2);
        CliRun revoked = calsync("sync");
        assertThat(revoked.out()).contains("reconnect needed", "paused group g" + run);
        CliRun stillPaused = calsync("sync");
        assertThat(stillPaused.out()).contains("skipped, paused");
        assertThat(blocks("me@work.example")).isZero();

        emulator.addAccount(work, "work-token"); // restored, no one types --resume
        // The probe after the failed one waits its back-off (a minute): the next run finds the group paused ...
        assertThat(calsync("sync").out()).contains("skipped, paused");
        // ... and --resume stays the immediate way.
        CliRun resumed = calsync("sync", "--resume");
        assertThat(resumed.exitCode()).as(resumed.out()).isZero();
        assertThat(blocks("me@work.example")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aTokenRestoredBeforeTheFirstProbeResumesTheGroupsByThemselvesAndAQuietRunWritesNothing(String db)
            throws IOException {
        config(db, """
                  - id: GROUP
                    calendars:
                      - {account: WORK, calendar: primary}
                      - {account: HOME, calendar: me@home.example}
                """);
        meeting("me@work.example", 1);
        assertThat(calsync("sync").exitCode()).isZero();

        emulator.addAccount(work, "a-token-the-config-does-not-have");
        meeting("me@home.example", 2);
        assertThat(calsync("sync").out()).contains("reconnect needed");
        emulator.addAccount(work, "work-token");

        CliRun resumed = calsync("sync");
        assertThat(resumed.exitCode()).as(resumed.out()).isZero();
        assertThat(resumed.out()).contains("synced").doesNotContain("paused");
        assertThat(blocks("me@work.example")).isEqualTo(1);
        CliRun quiet = calsync("sync");
        assertThat(quiet.out()).contains("0 inserted, 0 updated, 0 deleted");
        assertThat(calsync("verify").exitCode()).isZero();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aNameThatCannotBeCheckedNowIsNotUsedUnderItsAlias(String db) throws IOException {
        config(db, """
                  - id: GROUP
                    calendars:
                      - {account: WORK, calendar: primary}
                      - {account: HOME, calendar: me@home.example}
                """);
        meeting("me@home.example", 1);
        emulator.faults().failNext(20, dev.calsync.emulator.FaultType.SERVICE_UNAVAILABLE,
                dev.calsync.emulator.FaultScope.ANY);

        CliRun sync = calsync("sync");

        assertThat(sync.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(sync.err()).contains(work + "/primary cannot be checked now");
        assertThat(blocksEverywhere()).isZero();
        emulator.faults().reset();
        assertThat(calsync("sync").exitCode()).isZero();
        assertThat(blocks("me@work.example")).isEqualTo(1);
    }
}
