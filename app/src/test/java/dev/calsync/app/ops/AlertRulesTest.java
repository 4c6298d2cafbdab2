package dev.calsync.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.app.metrics.DatabaseGauges;
import dev.calsync.app.metrics.DatabaseOutages;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.provider.CallKind;
import dev.calsync.store.ApiCallLog;
import dev.calsync.store.ClusterQueries;
import dev.calsync.store.Databases;
import dev.calsync.store.PushChannelStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ops/prometheus/calsync-alerts.yml}: valid for Prometheus ({@code promtool check rules} when promtool is
 * installed, as on CI), and every calsync metric an expression uses is one this code registers.
 */
class AlertRulesTest {
    static final Path RULES = Path.of("..", "ops", "prometheus", "calsync-alerts.yml");
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        if (!Files.isExecutable(PROMTOOL)) {
            System.out.println("AlertRulesTest: /usr/bin/promtool not installed (Debian package prometheus); "
                    + "the rules are checked by parsing only");
            return;
        }
        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "rules", RULES.toString())
                .redirectErrorStream(true).start();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS");
    }

    @Test
    void everyRuleUsesOnlyMetricsCalsyncRegisters() throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile());
        List<JsonNode> rules = new ArrayList<>();
        root.path("groups").forEach(group -> group.path("rules").forEach(rules::add));
        Set<String> alerts = new HashSet<>();
        rules.forEach(rule -> alerts.add(rule.path("alert").asText()));
        assertThat(alerts).contains("CalsyncQuotaBurnRate", "CalsyncSyncFailures", "CalsyncIntegrityFixes",
                "CalsyncPushChannelsExpiring", "CalsyncSchedulerLag");

        String scrape = scrape();
        Pattern metric = Pattern.compile("calsync_[a-z_]+");
        for (JsonNode rule : rules) {
            assertThat(rule.path("expr").asText()).as(rule.path("alert").asText()).isNotBlank();
            assertThat(rule.path("labels").path("severity").asText()).isNotBlank();
            assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
            Matcher m = metric.matcher(rule.path("expr").asText());
            int found = 0;
            while (m.find()) {
                found++;
                assertThat(scrape).as("%s uses %s", rule.path("alert").asText(), m.group())
                        .containsPattern("(?m)^" + m.group() + "[{ ]");
            }
            assertThat(found).as(rule.path("alert").asText()).isPositive();
        }
    }

    /** What /actuator/prometheus shows from calsync's own meters after a little activity. */
    private static String scrape() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (HikariDataSource dataSource = Databases.open("jdbc:h2:mem:rules-" + UUID.randomUUID(), "sa", "")) {
            Clock clock = Clock.systemUTC();
            CalsyncMetrics metrics = new CalsyncMetrics(registry, true);
            new DatabaseGauges(registry, new ApiCallLog(dataSource, clock), new PushChannelStore(dataSource, clock),
                    new ClusterQueries(dataSource), "scheduled_tasks", 1_000_000, "calendar-poll", Duration.ofMinutes(5),
                    clock);
            new DatabaseOutages(registry, clock);
            metrics.onCall(new CalendarRef("acct", "cal"), CallKind.LIST, "ok");
            metrics.onCall(new CalendarRef("acct", "cal"), CallKind.LIST, "503");
            metrics.notificationRejected("bad_token");
            return registry.scrape();
        }
    }
}
