package dev.calsync.app.config;

import static dev.calsync.app.config.ConfigFixtures.validWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of mistake a person makes in the file, each reported with the path of the field. */
class ConfigMistakesTest {

    private static final String SECOND_GROUP = """
              - id: %s
                calendars:
                  - {account: work, calendar: other@example.com}
                  - {account: home, calendar: other.home@example.com}
            """;

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake("unknown account",
                        validWith("account: home", "account: hom"),
                        "groups[0].calendars[1].account: unknown account 'hom' (known: work, home)"),
                mistake("negative pastDays",
                        validWith("pastDays: 30", "pastDays: -1"),
                        "groups[0].window.pastDays: must be >= 0, was -1"),
                mistake("futureDays zero",
                        validWith("futureDays: 90", "futureDays: 0"),
                        "groups[0].window.futureDays: must be >= 1, was 0"),
                mistake("pastDays not a number",
                        validWith("pastDays: 30", "pastDays: lots"),
                        "groups[0].window.pastDays: must be a whole number, was 'lots'"),
                mistake("rootUrl not http",
                        validWith("http://127.0.0.1:8089/", "ftp://127.0.0.1/"),
                        "google.rootUrl: not a http(s) URL: 'ftp://127.0.0.1/'"),
                mistake("calendar listed twice",
                        validWith("      - {account: home, calendar: alice@example.com}\n",
                                "      - {account: home, calendar: alice@example.com}\n"
                                        + "      - {account: work, calendar: primary}\n"),
                        "groups[0].calendars[2]: calendar work/primary listed twice (first at groups[0].calendars[0])"),
                mistake("duplicate account id",
                        validWith("{id: home,", "{id: work,"),
                        "accounts[1].id: duplicate account id 'work' (first at accounts[0])"),
                mistake("duplicate group id",
                        ConfigFixtures.VALID + SECOND_GROUP.formatted("alice"),
                        "groups[1].id: duplicate group id 'alice' (first at groups[0])"),
                mistake("colour spelt the British way",
                        validWith("busyTitle: Busy", "colour: 3"),
                        "groups[0].colour: unknown key (did you mean 'color'?)"),
                mistake("colour out of the palette",
                        validWith("busyTitle: Busy", "color: 12"),
                        "groups[0].color: color must be a palette index from 1 to 11, not 12"),
                mistake("hours.from not HH:mm",
                        validWith("busyTitle: Busy", "busy: {hours: {from: 8am, to: \"18:00\", zone: Europe/Berlin}}"),
                        "groups[0].busy.hours.from: hours.from must be a time as HH:mm (e.g. 08:00), not \"8am\""),
                mistake("hours with an unknown day",
                        validWith("busyTitle: Busy",
                                "busy: {hours: {days: [MO, XX], from: \"08:00\", to: \"18:00\", zone: UTC}}"),
                        "groups[0].busy.hours.days[1]: unknown day \"XX\" (use MO, TU, WE, TH, FR, SA, SU)"),
                mistake("hours in an unknown zone",
                        validWith("busyTitle: Busy", "busy: {hours: {from: \"08:00\", to: \"18:00\", zone: Mars/Base}}"),
                        "groups[0].busy.hours.zone: hours.zone: unknown time zone \"Mars/Base\" (use an IANA name such as Europe/Berlin)"),
                mistake("hours ending before they start",
                        validWith("busyTitle: Busy", "busy: {hours: {from: \"18:00\", to: \"08:00\", zone: UTC}}"),
                        "groups[0].busy.hours: hours: from (18:00) must be before to (08:00)"),
                mistake("hours without a zone",
                        validWith("busyTitle: Busy", "busy: {hours: {from: \"08:00\", to: \"18:00\"}}"),
                        "groups[0].busy.hours.zone: required"),
                mistake("allDay not one of the three",
                        validWith("busyTitle: Busy", "busy: {allDay: sometimes}"),
                        "groups[0].busy.allDay: allDay must be opaque, always or never, not \"sometimes\""),
                mistake("tentative not a yes or no",
                        validWith("busyTitle: Busy", "busy: {tentative: maybe}"),
                        "groups[0].busy.tentative: must be true or false, not \"maybe\""),
                mistake("an unknown role",
                        validWith("{account: home, calendar: alice@example.com}",
                                "{account: home, calendar: alice@example.com, role: sink}"),
                        "groups[0].calendars[1].role: role must be both, source or target, not \"sink\""),
                mistake("roles that leave nothing to block",
                        validWith("{account: home, calendar: alice@example.com}",
                                "{account: home, calendar: alice@example.com, role: source}")
                                .replace("{account: work, calendar: primary}", "{account: work, calendar: primary, role: source}"),
                        "groups[0].calendars: the roles leave no calendar whose busy time blocks another (needs a source or both, and another calendar that is a target or both)"),
                mistake("typo in a group key",
                        validWith("busyTitle: Busy", "busytitle: Busy"),
                        "groups[0].busytitle: unknown key (did you mean 'busyTitle'?)"),
                mistake("typo in a top-level key",
                        validWith("storage:", "storag:"),
                        "storag: unknown key (did you mean 'storage'?)"),
                mistake("unknown key with no near match",
                        validWith("busyTitle: Busy", "flavour: red"),
                        "groups[0].flavour: unknown key (allowed: busy, busyTitle, calendars, color, id, manualEdits, mode, owner, window)"),
                mistake("malformed YAML",
                        validWith("    busyTitle: Busy", "    busyTitle: Busy: Really"),
                        "line 10, column 20: malformed YAML: mapping values are not allowed here"),
                mistake("duplicate key in a mapping",
                        validWith("    busyTitle: Busy", "    busyTitle: Busy\n    busyTitle: Free"),
                        "line 11, column 14: Duplicate field 'busyTitle'"),
                mistake("unknown sync mode",
                        validWith("mode: incremental", "mode: fast"),
                        "sync.mode: unknown sync mode 'fast' (incremental, full or naive)"),
                mistake("unknown group mode",
                        validWith("    busyTitle: Busy", "    busyTitle: Busy\n    mode: turbo"),
                        "groups[0].mode: unknown sync mode 'turbo' (incremental, full or naive)"),
                mistake("malformed poll interval",
                        validWith("pollInterval: 5m", "pollInterval: 5 minutes"),
                        "sync.pollInterval: not a duration '5 minutes' (use e.g. 30s, 5m, 1h, 1d or PT5M)"),
                mistake("too short poll interval",
                        validWith("pollInterval: 5m", "pollInterval: 10ms"),
                        "sync.pollInterval: must be at least 1s, was '10ms'"),
                mistake("unknown manualEdits policy",
                        validWith("    busyTitle: Busy", "    busyTitle: Busy\n    manualEdits: ignore"),
                        "groups[0].manualEdits: unknown manualEdits policy 'ignore' (restore or respect)"),
                mistake("missing access token",
                        validWith(", accessToken: \"" + ConfigFixtures.HOME_TOKEN + "\"", ""),
                        "accounts[1].accessToken: required (set it here or in CALSYNC_ACCOUNT_HOME_ACCESS_TOKEN)"),
                mistake("unsupported provider",
                        validWith("{id: home, provider: google", "{id: home, provider: exchange"),
                        "accounts[1].provider: unsupported provider 'exchange' (supported: google, caldav, microsoft)"),
                mistake("microsoft account without access token",
                        validWith("{id: home, provider: google, accessToken: \"" + ConfigFixtures.HOME_TOKEN + "\"}",
                                "{id: home, provider: microsoft}"),
                        "accounts[1].accessToken: required (set it here or in CALSYNC_ACCOUNT_HOME_ACCESS_TOKEN)"),
                mistake("graphUrl not http",
                        ConfigFixtures.VALID + "microsoft: {graphUrl: \"graph.microsoft.com/v1.0\"}\n",
                        "microsoft.graphUrl: not a http(s) URL: 'graph.microsoft.com/v1.0' (Graph's service root, "
                                + "e.g. https://graph.microsoft.com/v1.0/)"),
                mistake("microsoft tenant with a path in it",
                        ConfigFixtures.VALID + "microsoft: {clientId: app, tenant: \"common/../x\"}\n",
                        "microsoft.tenant: not a tenant: use common, organizations, consumers, a directory id or a "
                                + "domain"),
                mistake("typo in the microsoft section",
                        ConfigFixtures.VALID + "microsoft: {graphURL: \"https://graph.microsoft.com/v1.0/\"}\n",
                        "microsoft.graphURL: unknown key (did you mean 'graphUrl'?)"),
                mistake("caldav account without server",
                        validWith("{id: home, provider: google", "{id: home, provider: caldav, username: a, password: p"),
                        "accounts[1].url: required for a caldav account (the server, e.g. https://caldav.icloud.com/)"),
                mistake("caldav account with a server that is no URL",
                        validWith("{id: home, provider: google",
                                "{id: home, provider: caldav, url: \"caldav.icloud.com\", username: a, password: p"),
                        "accounts[1].url: not an http(s) URL 'caldav.icloud.com'"),
                mistake("caldav account without password",
                        validWith("{id: home, provider: google", "{id: home, provider: caldav, url: \"https://dav.example/\", username: a"),
                        "accounts[1].password: required for a caldav account (set it here or in CALSYNC_ACCOUNT_HOME_PASSWORD)"),
                mistake("storage url not JDBC",
                        validWith("jdbc:h2:mem:test", "postgres://db/calsync"),
                        "storage.url: not a JDBC URL (expected jdbc:h2:... or jdbc:postgresql://...)"),
                mistake("unsupported database",
                        validWith("jdbc:h2:mem:test", "jdbc:mysql://db/calsync"),
                        "storage.url: unsupported database (supported: jdbc:h2:... and jdbc:postgresql://...)"),
                mistake("group with one calendar",
                        validWith("      - {account: home, calendar: alice@example.com}\n", ""),
                        "groups[0].calendars: a group needs at least 2 calendars to keep each other busy, has 1"),
                mistake("calendars not a list",
                        validWith("    calendars:\n      - {account: work, calendar: primary}\n"
                                + "      - {account: home, calendar: alice@example.com}\n", "    calendars: work\n"),
                        "groups[0].calendars: must be a list, was a single value"),
                mistake("calendar written as text",
                        validWith("{account: work, calendar: primary}", "work/primary"),
                        "groups[0].calendars[0]: must be a mapping of keys to values, was a single value"),
                mistake("blank calendar id",
                        validWith("calendar: primary", "calendar: ''"),
                        "groups[0].calendars[0].calendar: must not be blank"),
                mistake("missing calendar id",
                        validWith("{account: work, calendar: primary}", "{account: work}"),
                        "groups[0].calendars[0].calendar: required"),
                mistake("missing group id",
                        validWith("  - id: alice\n    window", "  - window"),
                        "groups[0].id: required"),
                mistake("group id with a space",
                        validWith("id: alice", "id: alice smith"),
                        "groups[0].id: must be 1-64 letters, digits, '.', '_', '-' or '@', starting with a letter "
                                + "or digit, was 'alice smith'"),
                mistake("account id with a slash",
                        validWith("{id: home,", "{id: home/x,").replace("account: home", "account: home/x"),
                        "accounts[1].id: must be 1-64 letters, digits, '.', '_', '-' or '@', starting with a "
                                + "letter or digit, was 'home/x'"),
                mistake("account ids sharing a token variable",
                        validWith("{id: home,", "{id: work-1,").replace("{id: work,", "{id: work_1,")
                                .replace("account: home", "account: work-1").replace("account: work", "account: work_1"),
                        "accounts[1].id: accounts 'work_1' and 'work-1' would share the environment variable "
                                + "CALSYNC_ACCOUNT_WORK_1_ACCESS_TOKEN; rename one"),
                mistake("account of another owner",
                        validWith("{id: home, provider: google,", "{id: home, owner: bob, provider: google,"),
                        "groups[0].calendars[1].account: account 'home' belongs to 'bob' but the group belongs to 'alice'"),
                mistake("push url not http",
                        ConfigFixtures.VALID + "push: {publicUrl: calsync.example.com}\n",
                        "push.publicUrl: not a http(s) URL: 'calsync.example.com'"),
                mistake("section of the wrong type",
                        validWith("sync: {mode: incremental, pollInterval: 5m}", "sync: incremental"),
                        "sync: must be a mapping of keys to values, was a single value"),
                mistake("top level not a mapping",
                        "- storage\n- groups\n",
                        "the file must be a mapping of keys (storage, google, sync, push, accounts, groups)"),
                mistake("window of the wrong type",
                        validWith("window: {pastDays: 30, futureDays: 90}", "window: 30"),
                        "groups[0].window: must be a mapping of keys to values, was a single value"));
    }

    private static Arguments mistake(String name, String yaml, String expectedProblem) {
        return Arguments.of(name, yaml, expectedProblem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistakeIsReportedWithItsPath(String name, String yaml, String expectedProblem) {
        ConfigLoader loader = new ConfigLoader(Map.of());

        assertThatThrownBy(() -> loader.parse(yaml, "calsync.yml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).map(ConfigProblem::toString).contains(expectedProblem);
                    assertThat(e.getMessage())
                            .startsWith("invalid configuration (calsync.yml):")
                            .doesNotContain(ConfigFixtures.WORK_TOKEN, ConfigFixtures.HOME_TOKEN);
                });
    }
}
