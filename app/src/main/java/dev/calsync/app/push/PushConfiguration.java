package dev.calsync.app.push;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.calsync.app.accounts.AccountProviders;
import dev.calsync.app.cluster.ClusterProperties;
import dev.calsync.app.cluster.PassTasks;
import dev.calsync.app.cluster.TaskIds;
import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.app.server.ServerSettings;
import dev.calsync.core.calendar.CalendarRef;
import dev.calsync.core.push.ChangeChannels;
import dev.calsync.core.push.ChannelTokens;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.google.GoogleChangeChannels;
import dev.calsync.microsoft.MicrosoftCalendarProvider;
import dev.calsync.microsoft.MicrosoftChangeChannels;
import dev.calsync.push.ChannelKeeper;
import dev.calsync.push.ChannelRound;
import dev.calsync.push.ConfirmingEchoLedger;
import dev.calsync.push.NotificationIntake;
import dev.calsync.store.ClusterQueries;
import dev.calsync.store.PushChannelStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Push notifications, on when {@code push.publicUrl} is set: the webhook, the debounced {@value #PUSH_SYNC_TASK}
 * executions it enqueues, and the {@value #CHANNELS_TASK} task that opens, renews and stops channels, each through
 * the provider's {@link ChangeChannels} (Google's, Microsoft's) and the rules of {@code calsync-push}; each provider
 * sees only the channels and calendars of its own accounts. With push off the webhook refuses everything (404) and
 * the channel task does nothing.
 */
@Configuration(proxyBeanMethods = false)
public class PushConfiguration {

    public static final String PUSH_SYNC_TASK = "push-sync";
    public static final String CHANNELS_TASK = "push-channels";
    public static final String ECHO_CLOSE_TASK = "echo-window-close";

    /** Each provider's channels when push is on (refusing to start without a usable secret), else none. */
    static List<ChangeChannels> changeChannels(ServerSettings settings, PushProperties properties,
                                               GoogleCalendarProvider google, MicrosoftCalendarProvider microsoft) {
        ChannelTokens tokens = channelTokens(settings, properties);
        return tokens == null ? List.of()
                : List.of(new GoogleChangeChannels(google, tokens), new MicrosoftChangeChannels(microsoft, tokens));
    }

    /** The channels of {@code provider}'s own accounts, and the calendars in groups that it is to watch. */
    static ProviderChannels channelsOf(ChangeChannels provider, PushChannelStore channels, AccountProviders accounts) {
        return new ProviderChannels(channels, calendar -> provider.provider().equals(accounts.of(calendar.accountId())));
    }

    /** The secret when push is on (refusing to start without a usable one), else null. */
    static ChannelTokens channelTokens(ServerSettings settings, PushProperties properties) {
        if (!settings.config().push().enabled()) {
            return null;
        }
        String secret = properties.secret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("push.publicUrl is set, so CALSYNC_PUSH_SECRET must be set too: at least "
                    + ChannelTokens.MIN_SECRET_LENGTH + " random characters (e.g. openssl rand -base64 32); "
                    + "channel tokens are signed with it");
        }
        if (secret.length() < ChannelTokens.MIN_SECRET_LENGTH) {
            throw new IllegalStateException("CALSYNC_PUSH_SECRET is too short: use at least "
                    + ChannelTokens.MIN_SECRET_LENGTH + " random characters (e.g. openssl rand -base64 32)");
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

    /**
     * The echo ledger every node shares (in the database), whose windows' closes are filed as {@value #ECHO_CLOSE_TASK}
     * executions: on a calendar seen to merge notifications, each one ends with a confirming list.
     */
    @Bean
    ConfirmingEchoLedger confirmingEchoLedger(PushChannelStore channels, ObjectProvider<Scheduler> scheduler,
                                              CustomTask<Void> echoCloseTask, ObjectProvider<PushDispatcher> dispatcher,
                                              Clock clock) {
        return new ConfirmingEchoLedger(channels, new EchoWindowCloses(scheduler, echoCloseTask,
                delay -> dispatcher.getObject().wakeAfter(delay), clock));
    }

    /** Closes one echo window (the instance id names calendar and window); comes back while later writes extend it. */
    @Bean
    CustomTask<Void> echoCloseTask(ObjectProvider<ConfirmingEchoLedger> ledger,
                                   ObjectProvider<PushDispatcher> dispatcher, CalsyncMetrics metrics, Clock clock) {
        return Tasks.custom(ECHO_CLOSE_TASK, Void.class)
                .onFailure(new FailureHandler.OnFailureReschedule<>(FixedDelay.of(Duration.ofSeconds(30))))
                .execute((instance, context) -> {
                    PushDispatcher debouncer = dispatcher.getObject();
                    Instant again = ledger.getObject().closeDue(TaskIds.numberedCalendar(instance.getId()),
                            TaskIds.number(instance.getId()), calendar -> {
                                metrics.echoConfirmation();
                                debouncer.changed(calendar);
                            });
                    if (again == null) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    debouncer.wakeAfter(Duration.between(clock.instant(), again));
                    return (complete, operations) -> operations.reschedule(complete, again);
                });
    }

    @Bean(destroyMethod = "close")
    PushDispatcher pushDispatcher(ObjectProvider<Scheduler> scheduler, CustomTask<Integer> pushSyncTask,
                                  PushProperties properties, Clock clock) {
        return new PushDispatcher(scheduler, pushSyncTask, properties.debounce(), clock);
    }

    @Bean
    WebhookController webhookController(ServerSettings settings, PushProperties properties,
                                        GoogleCalendarProvider google, MicrosoftCalendarProvider microsoft,
                                        PushChannelStore channels, ConfirmingEchoLedger echoes,
                                        AccountProviders accounts, PushDispatcher dispatcher,
                                        ObjectProvider<Scheduler> scheduler,
                                        CalsyncMetrics metrics, Clock clock) {
        NotificationIntake.Listener counting = WebhookController.counting(metrics);
        ChannelRounds rounds = new ChannelRounds(scheduler, clock);
        NotificationIntake.Listener listener = (verdict, calendar) -> {
            counting.received(verdict, calendar);
            rounds.received(verdict, calendar);
        };
        return new WebhookController(changeChannels(settings, properties, google, microsoft).stream()
                .map(provider -> new NotificationIntake(provider, channelsOf(provider, channels, accounts), echoes,
                        dispatcher, listener, clock))
                .toList(), metrics);
    }

    @Bean
    RecurringTask<Void> pushChannelsTask(ServerSettings settings, PushProperties properties,
                                         GoogleCalendarProvider google, MicrosoftCalendarProvider microsoft,
                                         PushChannelStore channels, ConfirmingEchoLedger echoes,
                                         AccountProviders accounts, ClusterQueries queries, CalsyncMetrics metrics,
                                         ClusterProperties cluster, PushDispatcher dispatcher, Clock clock) {
        ChannelRound round = new ChannelRound(changeChannels(settings, properties, google, microsoft).stream()
                .map(provider -> keeper(provider, settings, properties, channels, accounts, queries, metrics, cluster,
                        clock))
                .toList(), echoes, dispatcher);
        return Tasks.recurring(CHANNELS_TASK, FixedDelay.of(cluster.channelInterval()))
                .execute((instance, context) -> round.run());
    }

    /** One provider's channel rounds over the calendars in groups, as {@link PushConfiguration} wires them. */
    static ChannelKeeper keeper(ChangeChannels provider, ServerSettings settings, PushProperties properties,
                                PushChannelStore channels, AccountProviders accounts,
                                ClusterQueries queries, CalsyncMetrics metrics, ClusterProperties cluster,
                                Clock clock) {
        ProviderChannels own = channelsOf(provider, channels, accounts);
        Supplier<Set<CalendarRef>> watched = () -> queries.calendarsInGroups().stream()
                .filter(calendar -> provider.provider().equals(accounts.of(calendar.accountId())))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new ChannelKeeper(provider, own, watched,
                WebhookController.address(settings.config().push().publicUrl(), provider.provider()),
                properties.timing(cluster.channelInterval()),
                (operation, succeeded) -> metrics.channelOperation(operation, succeeded ? "ok" : "failed"), clock);
    }

    /**
     * {@code /webhooks/**} is for providers, not for people: no sign-in, no session, no CSRF token (the channel token
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
