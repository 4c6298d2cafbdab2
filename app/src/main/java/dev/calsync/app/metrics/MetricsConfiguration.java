package dev.calsync.app.metrics;

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

/** calsync's meters, the database gauges and the provider health component. */
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
                                  ClusterQueries queries, Clock clock,
                                  @Value("${db-scheduler.table-name:scheduled_tasks}") String schedulerTable,
                                  @Value("${calsync.quota.daily-calls:1000000}") long dailyQuota) {
        return new DatabaseGauges(registry, calls, channels, queries, schedulerTable, dailyQuota, clock);
    }

    /** The {@code google} component of {@code /actuator/health}. */
    @Bean(name = "googleHealthIndicator")
    ProviderHealth googleHealth(CalendarProvider google, ServerSettings settings, ClusterQueries queries, Clock clock) {
        return new ProviderHealth(google, () -> settings.config().accounts().isEmpty()
                ? queries.anyActiveAccount()
                : Optional.of(settings.config().accounts().get(0).id()), clock);
    }
}
