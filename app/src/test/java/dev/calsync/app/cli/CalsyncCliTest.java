package dev.calsync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalsyncCliTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.run(dir, Map.of(), args);
    }

    @Test
    void helpListsEveryVerbAndExitsZero() {
        CliRun result = run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: calsync", "demo", "serve", "sync", "verify", "cleanup",
                "emulator", "bench", "Exit codes:");
    }

    @Test
    void verbHelpShowsItsOptions() {
        CliRun result = run("sync", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: calsync sync", "--config=FILE", "--group=ID", "--full", "--json");
    }

    @Test
    void versionExitsZero() {
        CliRun result = run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("calsync ");
    }

    @Test
    void noVerbIsAUsageError() {
        CliRun result = run();

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Missing command", "Usage: calsync");
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "--frobnicate", "sync --bogus", "emulator --port lots", "bench --users 0",
        "bench --days 0", "emulator --port 70000"})
    void badUsagePrintsTheMessageAndUsageAndExitsTwo(String args) {
        CliRun result = run(args.split(" "));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Usage: calsync");
    }

    @Test
    void serveWithoutAnEncryptionKeySaysSoAndExitsTwo() throws Exception {
        Files.writeString(dir.resolve("calsync.yml"), ValidConfig.YAML);

        CliRun result = run("serve");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("calsync serve: set CALSYNC_ENCRYPTION_KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "sync", "verify", "cleanup"})
    void invalidConfigIsListedProblemByProblemWithoutAStackTrace(String verb) throws Exception {
        Files.writeString(dir.resolve("bad.yml"), ValidConfig.YAML
                .replace("account: home", "account: hom")
                .replace("pastDays: 30", "pastDays: -3"));

        CliRun result = run(verb, "--config", "bad.yml");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).containsExactly(
                "calsync: invalid configuration (bad.yml):",
                "  groups[0].window.pastDays: must be >= 0, was -3",
                "  groups[0].calendars[1].account: unknown account 'hom' (known: work, home)");
    }

    @Test
    void calsyncYmlInTheWorkingDirectoryIsTheDefault() throws Exception {
        Files.writeString(dir.resolve("calsync.yml"), "groups: 3\n");

        CliRun result = run("verify");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("calsync: invalid configuration (calsync.yml):");
    }

    @Test
    void syncWithoutAnyConfigurationSaysHowToGiveOne() {
        CliRun result = run("sync");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("calsync: invalid configuration (calsync.yml):",
                "file not found; pass --config FILE");
    }

    @Test
    void missingConfigFileIsAConfigError() {
        CliRun result = run("verify", "--config", "nowhere.yml");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).containsExactly(
                "calsync: invalid configuration (nowhere.yml):", "  file not found");
    }

    @Test
    void environmentOverridesApplyToTheCommandLine() throws Exception {
        Files.writeString(dir.resolve("calsync.yml"), ValidConfig.YAML);

        CliRun result = CliRun.run(dir, Map.of("CALSYNC_SYNC_MODE", "sideways"), "sync");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("sync.mode (from CALSYNC_SYNC_MODE): unknown sync mode 'sideways'");
    }

    @Test
    void syncOfAnUnknownGroupIsAUsageError() throws Exception {
        Files.writeString(dir.resolve("calsync.yml"), ValidConfig.YAML);

        CliRun result = run("sync", "--group", "bob");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("unknown group 'bob' (known: alice)", "Usage: calsync sync");
    }

    @Test
    void configErrorsNeverPrintTheTokens() throws Exception {
        Files.writeString(dir.resolve("calsync.yml"), ValidConfig.YAML.replace("accessToken", "accesstoken"));

        CliRun result = run("verify");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("accounts[0].accesstoken: unknown key (did you mean 'accessToken'?)")
                .doesNotContain(ValidConfig.TOKEN);
    }
}
