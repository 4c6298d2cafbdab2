package dev.calsync.app.config;

import static dev.calsync.app.config.ConfigFixtures.VALID;
import static dev.calsync.app.config.ConfigFixtures.WORK_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.group.ManualEditPolicy;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.group.SyncMode;
import dev.calsync.core.group.Window;
import dev.calsync.core.rules.AllDayRule;
import dev.calsync.core.rules.BlockColor;
import dev.calsync.core.rules.BusyRules;
import dev.calsync.core.rules.CalendarRole;
import dev.calsync.core.rules.GroupRules;
import dev.calsync.core.rules.OutOfOfficeRule;
import dev.calsync.core.rules.SkipTitles;
import dev.calsync.core.rules.TentativeRule;
import dev.calsync.core.rules.WorkingHours;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    @Test
    void validFileBecomesCoreSyncGroupsAndAccounts() {
        CalsyncConfig config = loader.parse(VALID, "test.yml");

        assertThat(config.groups()).containsExactly(new SyncGroup("alice", null, "Busy", new Window(30, 90),
                SyncMode.INCREMENTAL, ManualEditPolicy.RESTORE,
                java.util.List.of(new CalendarRef("work", "primary"), new CalendarRef("home", "alice@example.com"))));
        assertThat(config.accessTokens()).containsExactly(
                Map.entry("work", WORK_TOKEN), Map.entry("home", ConfigFixtures.HOME_TOKEN));
        assertThat(config.account("home")).get().extracting(AccountConfig::provider).isEqualTo("google");
        assertThat(config.storage().url()).isEqualTo("jdbc:h2:mem:test");
        assertThat(config.google().rootUrl()).isEqualTo("http://127.0.0.1:8089/");
        assertThat(config.sync()).isEqualTo(new SyncConfig(SyncMode.INCREMENTAL, Duration.ofMinutes(5)));
        assertThat(config.push().enabled()).isFalse();
    }

    @Test
    void emptyFileGivesDefaults() {
        CalsyncConfig config = loader.parse("", "empty.yml");

        assertThat(config.storage()).isEqualTo(new StorageConfig("jdbc:h2:file:./data/calsync", null, null));
        assertThat(config.google().rootUrl()).isEqualTo("https://www.googleapis.com/");
        assertThat(config.microsoft().graphUrl()).isEqualTo("https://graph.microsoft.com/v1.0/");
        assertThat(config.sync()).isEqualTo(new SyncConfig(SyncMode.INCREMENTAL, Duration.ofMinutes(5)));
        assertThat(config.push()).isEqualTo(new PushConfig(null));
        assertThat(config.accounts()).isEmpty();
        assertThat(config.groups()).isEmpty();
    }

    @Test
    void everyRuleOfTheIssueExampleBindsToTheGroupsRules() {
        String yaml = VALID.replace("    busyTitle: Busy\n", """
                    busyTitle: "Busy ({calendar})"
                    busy:
                      tentative: false
                      allDay: never
                      outOfOffice: false
                      hours: {days: [MO, TU, WE, TH, FR], from: "08:00", to: "18:00", zone: Europe/Berlin}
                      skipTitles: ["[nosync]"]
                    color: 8
                """).replace("{account: home, calendar: alice@example.com}",
                "{account: home, calendar: alice@example.com, role: source, name: Home}");

        SyncGroup group = loader.parse(yaml, "test.yml").groups().get(0);

        CalendarRef home = new CalendarRef("home", "alice@example.com");
        WorkingHours hours = new WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0),
                LocalTime.of(18, 0), ZoneId.of("Europe/Berlin"));
        assertThat(group.rules()).isEqualTo(new GroupRules(new BusyRules(new TentativeRule(false), AllDayRule.NEVER,
                new OutOfOfficeRule(false), hours, new SkipTitles(List.of("[nosync]"))), new BlockColor(8),
                Map.of(home, CalendarRole.SOURCE), Map.of(home, "Home")));
        assertThat(group.busyTitle()).isEqualTo("Busy ({calendar})");
        assertThat(group.targets()).containsExactly(new CalendarRef("work", "primary"));
    }

    @Test
    void groupDefaultsFillWhatTheGroupLeavesOut() {
        String yaml = VALID.replace("    window: {pastDays: 30, futureDays: 90}\n", "")
                .replace("    busyTitle: Busy\n", "");

        SyncGroup group = loader.parse(yaml, "test.yml").groups().get(0);

        assertThat(group.window()).isEqualTo(Window.DEFAULT);
        assertThat(group.busyTitle()).isEqualTo("Busy");
        assertThat(group.manualEdits()).isEqualTo(ManualEditPolicy.RESTORE);
        assertThat(group.owner()).isEqualTo("alice");
    }

    @Test
    void groupWithoutModeTakesTheGlobalModeAndOwnModeWins() {
        String yaml = ConfigFixtures.validWith("mode: incremental", "mode: full") + """
                  - id: bob
                    mode: naive
                    manualEdits: respect
                    calendars:
                      - {account: work, calendar: bob@example.com}
                      - {account: home, calendar: bob.home@example.com}
                """;

        CalsyncConfig config = loader.parse(yaml, "test.yml");

        assertThat(config.group("alice")).get().extracting(SyncGroup::mode).isEqualTo(SyncMode.FULL);
        assertThat(config.group("bob")).get().extracting(SyncGroup::mode).isEqualTo(SyncMode.NAIVE);
        assertThat(config.group("bob")).get().extracting(SyncGroup::manualEdits)
                .isEqualTo(ManualEditPolicy.RESPECT);
    }

    @Test
    void rootUrlGetsTheTrailingSlashTheGoogleClientNeeds() {
        CalsyncConfig config = loader.parse(ConfigFixtures.validWith("8089/", "8089"), "test.yml");

        assertThat(config.google().rootUrl()).isEqualTo("http://127.0.0.1:8089/");
    }

    @Test
    void microsoftAccountWithItsGraphUrlWithoutTrailingSlash() {
        CalsyncConfig config = loader.parse(ConfigFixtures.validWith("{id: home, provider: google,",
                "{id: home, provider: microsoft,") + "microsoft: {graphUrl: \"http://127.0.0.1:8089/graph/v1.0\"}\n",
                "test.yml");

        assertThat(config.microsoft().graphUrl()).isEqualTo("http://127.0.0.1:8089/graph/v1.0/");
        assertThat(config.account("home")).get().extracting(AccountConfig::provider).isEqualTo("microsoft");
        assertThat(config.accessTokens()).containsEntry("home", ConfigFixtures.HOME_TOKEN);
    }

    @Test
    void microsoftSignInKeysWithTheCommonTenantAndThePublicAuthorityByDefault() {
        CalsyncConfig plain = loader.parse(ConfigFixtures.VALID, "test.yml");
        CalsyncConfig config = new ConfigLoader(Map.of("CALSYNC_MICROSOFT_CLIENT_SECRET", "ms-secret")).parse(
                ConfigFixtures.VALID + "microsoft: {clientId: app-id}\n", "test.yml");
        CalsyncConfig ownTenant = loader.parse(ConfigFixtures.VALID
                + "microsoft: {clientId: app-id, tenant: contoso.example, authorityUrl: \"http://127.0.0.1:9/ms\"}\n",
                "test.yml");

        assertThat(plain.microsoft().connectConfigured()).isFalse();
        assertThat(config.microsoft().connectConfigured()).isTrue();
        assertThat(config.microsoft().clientSecret()).isEqualTo("ms-secret");
        assertThat(config.microsoft().authority()).isEqualTo("https://login.microsoftonline.com/common/oauth2/v2.0/");
        assertThat(config.microsoft().toString()).doesNotContain("ms-secret");
        assertThat(ownTenant.microsoft().tenant()).isEqualTo("contoso.example");
        assertThat(ownTenant.microsoft().authority()).isEqualTo("http://127.0.0.1:9/ms/");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = ConfigFixtures.validWith("pastDays: 30", "pastDays: -1")
                .replace("account: home", "account: hom")
                .replace("busyTitle", "busytitle");

        assertThatThrownBy(() -> loader.parse(yaml, "test.yml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .map(ConfigProblem::toString)
                        .containsExactlyInAnyOrder(
                                "groups[0].busytitle: unknown key (did you mean 'busyTitle'?)",
                                "groups[0].window.pastDays: must be >= 0, was -1",
                                "groups[0].calendars[1].account: unknown account 'hom' (known: work, home)"))
                .hasMessageStartingWith("invalid configuration (test.yml):");
    }

    @Test
    void missingFileIsAProblemNotAnIoException(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yml"), "nope.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid configuration (nope.yml):" + System.lineSeparator() + "  file not found");
    }

    @Test
    void directoryInsteadOfFileIsAProblem(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("is a directory, not a file");
    }

    @Test
    void nonUtf8FileIsAProblem(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("latin1.yml"), new byte[] {'g', 'r', 'o', 'u', 'p', 's', ':', ' ', (byte) 0xE9});

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("not UTF-8 text");
    }

    @Test
    void fileIsReadFromDisk(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("calsync.yml"), VALID);

        assertThat(loader.load(file).groups()).extracting(SyncGroup::id).containsExactly("alice");
    }
}
