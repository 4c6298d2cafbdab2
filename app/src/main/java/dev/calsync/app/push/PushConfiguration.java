package dev.calsync.app.push;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.calsync.app.cluster.ClusterProperties;
import dev.calsync.app.cluster.PassTasks;
import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.app.server.ServerSettings;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.store.ClusterQueries;
import dev.calsync.store.PushChannelStore;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Push notifications, on when {@code push.publicUrl} is set: the webhook, the debounced {@value #PUSH_SYNC_TASK}
 * executions it enqueues, and the {@value #CHANNELS_TASK} task that opens, renews and stops channels. With push off
 * the webhook refuses everything (404) and the channel task does nothing.
 */
@Configuration(proxyBeanMethods = false)
@Import(WebhookController.class)
public class PushConfiguration {

    public static final String PUSH_SYNC_TASK = "push-sync";
    public static final String CHANNELS_TASK = "push-channels";

    /** The secret when push is on (refusing to start without a usable one), else null. */
    static ChannelTokens channelTokens(ServerSettings settings, PushProperties properties) {
        if (!settings.config().push().enabled()) {
            return null;
        }
        String secret = properties.secret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("push.publicUrl is set, so CALSYNC_PUSH_SECRET must be set too: at least "
                    + PushProperties.MIN_SECRET_LENGTH + " random characters (e.g. openssl rand -base64 32); "
                    + "channel tokens are signed with it");
        }
        if (secret.length() < PushProperties.MIN_SECRET_LENGTH) {
            throw new IllegalStateException("CALSYNC_PUSH_SECRET is too short: use at least "
                    + PushProperties.MIN_SECRET_LENGTH + " random characters (e.g. openssl rand -base64 32)");
        }
        return new ChannelTokens(secret);
    }

    /** The task data is the number of failed passes in a row (null: none), as for the calendar's poll. */
    @Bean
    CustomTask<Integer> pushSyncTask(PassTasks tasks, ObjectProvider<PushDispatcher> dispatcher) {
        return Tasks.custom(PUSH_SYNC_TASK, Integer.class)
                .onFailure(new FailureHandler.OnFailureReschedule<>(FixedDelay.of(Duration.ofSeconds(30))))
                .execute((instance, context) -> tasks.pushSync(instance, retry -> dispatcher.getObject().wakeAfter(retry)));
    }

    @Bean(destroyMethod = "close")
    PushDispatcher pushDispatcher(ObjectProvider<Scheduler> scheduler, CustomTask<Integer> pushSyncTask,
                                  PushProperties properties, Clock clock) {
        return new PushDispatcher(scheduler, pushSyncTask, properties.debounce(), clock);
    }

    @Bean
    PushNotifications pushNotifications(ServerSettings settings, PushProperties properties,
                                        PushChannelStore channels, PushDispatcher dispatcher, CalsyncMetrics metrics) {
        return new PushNotifications(channelTokens(settings, properties), channels, dispatcher, metrics);
    }

    @Bean
    RecurringTask<Void> pushChannelsTask(ServerSettings settings, PushProperties properties, GoogleCalendarProvider google,
                                         PushChannelStore channels, ClusterQueries queries, CalsyncMetrics metrics,
                                         ClusterProperties cluster, Clock clock) {
        ChannelTokens tokens = channelTokens(settings, properties);
        ChannelManager manager = tokens == null ? null : new ChannelManager(google, channels, queries,
                tokens, ChannelManager.address(settings.config().push().publicUrl()), properties, metrics, clock);
        return Tasks.recurring(CHANNELS_TASK, FixedDelay.of(cluster.channelInterval()))
                .execute((instance, context) -> {
                    if (manager != null) {
                        manager.maintain();
                    }
                });
    }

    /**
     * {@code /webhooks/**} is for Google, not for people: no sign-in, no session, no CSRF token (the channel token
     * authenticates each notification). Ahead of the web layer's chain, which covers everything else.
     */
    @Bean
    @Order(1)
    SecurityFilterChain webhookFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
