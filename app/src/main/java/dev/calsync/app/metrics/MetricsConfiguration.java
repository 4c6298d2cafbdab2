package dev.calsync.app.metrics;

import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.app.cluster.ClusterConfiguration;
import dev.calsync.app.server.ServerSettings;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.store.ApiCallLog;
import dev.calsync.store.ClusterQueries;
import dev.calsync.store.PushChannelStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** calsync's meters, the database gauges, the database outages and the db and provider health components. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    /**
     * @param accountLabel {@code calsync.metrics.account-label}: label API calls with the account id (default);
     *                     turn it off for very many accounts, to keep the number of series small
     */
    @Bean
    CalsyncMetrics calsyncMetrics(MeterRegistry registry,
                                  @Value("${calsync.metrics.account-label:true}") boolean accountLabel) {
        return new CalsyncMetrics(registry, accountLabel);
    }

    @Bean
    DatabaseGauges databaseGauges(MeterRegistry registry, ApiCallLog calls, PushChannelStore channels,
                                  ClusterQueries queries, ServerSettings settings, Clock clock,
                                  @Value("${db-scheduler.table-name:scheduled_tasks}") String schedulerTable,
                                  @Value("${calsync.quota.daily-calls:1000000}") long dailyQuota) {
        return new DatabaseGauges(registry, calls, channels, queries, schedulerTable, dailyQuota,
                ClusterConfiguration.POLL_TASK, settings.config().sync().pollInterval(), clock);
    }

    @Bean
    DatabaseOutages databaseOutages(MeterRegistry registry, Clock clock) {
        return new DatabaseOutages(registry, clock);
    }

    /** The {@code db} component of {@code /actuator/health}, in place of Spring's (which waits as long as the pool). */
    @Bean(name = "dbHealthIndicator")
    DatabaseHealth databaseHealth(HikariDataSource dataSource, DatabaseOutages outages, Clock clock) {
        return new DatabaseHealth(dataSource, outages, clock);
    }

    /** The {@code google} component of {@code /actuator/health}. */
    @Bean(name = "googleHealthIndicator")
    ProviderHealth googleHealth(CalendarProvider google, ServerSettings settings, ClusterQueries queries, Clock clock) {
        return new ProviderHealth(google, () -> settings.config().accounts().isEmpty()
                ? queries.anyActiveAccount()
                : Optional.of(settings.config().accounts().get(0).id()), clock);
    }
}
