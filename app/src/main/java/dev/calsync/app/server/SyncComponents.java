package dev.calsync.app.server;

import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.app.accounts.AccountAccessTokens;
import dev.calsync.app.accounts.AccountPauses;
import dev.calsync.app.assembly.GroupCalendars;
import dev.calsync.app.config.AccountConfig;
import dev.calsync.app.config.ConfigException;
import dev.calsync.app.config.ConfigProblem;
import dev.calsync.store.CalendarNameStore;
import dev.calsync.app.accounts.AccountProviders;
import dev.calsync.app.accounts.CaldavConnections;
import dev.calsync.app.accounts.ConnectFlows;
import dev.calsync.app.accounts.ConnectedAccounts;
import dev.calsync.app.accounts.CredentialCipher;
import dev.calsync.app.accounts.TokenOwners;
import dev.calsync.app.assembly.ProviderAssembly;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.app.metrics.CalsyncMetrics;
import dev.calsync.core.group.SyncGroup;
import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.CallListener;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.sync.Verifier;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.microsoft.MicrosoftCalendarProvider;
import dev.calsync.recurrence.LibRecurRecurrences;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import dev.calsync.store.ApiCallLog;
import dev.calsync.store.Databases;
import dev.calsync.store.JdbcSyncStore;
import dev.calsync.store.LastPasses;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The sync machinery of the server: database, stores, token source, the providers and the verifier. The
 * engine itself is the cluster's ({@code ClusterConfiguration}): dashboard buttons and scheduled passes share it.
 */
@Configuration(proxyBeanMethods = false)
public class SyncComponents {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SyncComponents.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(ServerSettings settings) {
        CalsyncConfig config = settings.config();
        return Databases.open(config.storage().url(), config.storage().user(), config.storage().password());
    }

    @Bean
    JdbcSyncStore syncStore(HikariDataSource dataSource, Clock clock, ServerSettings settings) {
        return new JdbcSyncStore(dataSource, clock);
    }

    /**
     * Groups declared in the file are part of the service too, as with the CLI verbs: under their calendars' own
     * ids, refused (the server does not start, nothing is written) when a calendar is unknown, named twice or a pair
     * repeated, among the file's groups or with a group made in the web UI. A group whose calendars cannot be
     * checked now (a provider outage at start) keeps its stored version until a start that can check it. A group an
     * earlier start (or CLI run) had from the file and this file no longer has is retired: its blocks stay recorded
     * until the safety reconcile removes them ({@code ClusterConfiguration}'s start-up round queues that at once).
     */
    @Bean
    GroupCalendars.Resolved fileGroups(CalendarProvider provider, JdbcSyncStore store, HikariDataSource dataSource,
                                       Clock clock, ServerSettings settings) {
        GroupCalendars.Resolved resolved = new GroupCalendars(provider, new CalendarNameStore(dataSource, clock))
                .resolve(settings.config().groups());
        if (!resolved.ok()) {
            throw new ConfigException("calendars of the groups", resolved.problems());
        }
        List<ConfigProblem> repeated = GroupCalendars.repeatedWithWebGroups(resolved.groups(), store);
        if (!repeated.isEmpty()) {
            throw new ConfigException("calendars of the groups", repeated);
        }
        resolved.unchecked().forEach(problem -> LOG.warn("{}; the group's stored version is used", problem));
        CalsyncConfig config = settings.config();
        List<String> retired = store.saveFileGroups(resolved.groups(),
                config.groups().stream().map(SyncGroup::id).collect(Collectors.toSet()),
                config.accounts().stream().map(AccountConfig::id).collect(Collectors.toSet()));
        retired.forEach(id -> LOG.info("group {} is no longer in the configuration: retired; the safety reconcile "
                + "removes its blocks", id));
        return resolved;
    }

    @Bean
    AccountStore accountStore(HikariDataSource dataSource, Clock clock) {
        return new AccountStore(dataSource, clock);
    }

    @Bean
    LastPasses lastPasses(HikariDataSource dataSource) {
        return new LastPasses(dataSource);
    }

    @Bean
    ApiCallLog apiCallLog(HikariDataSource dataSource, Clock clock) {
        return new ApiCallLog(dataSource, clock);
    }

    @Bean
    CredentialCipher credentialCipher(ServerSettings settings) {
        return new CredentialCipher(settings.encryptionKey());
    }

    @Bean
    AccountPauses accountPauses(AccountStore accounts, JdbcSyncStore store, ServerSettings settings) {
        // An account of the file (a static token) pauses its groups like a connected one, as with the CLI verbs.
        CalsyncConfig config = settings.config();
        return new AccountPauses(accounts, store, id -> config.account(id)
                .map(a -> new Account(a.id(), a.owner() == null ? a.id() : a.owner(), a.provider(), null, null, null,
                        AccountStatus.ACTIVE)));
    }

    @Bean
    AccountAccessTokens accessTokens(AccountStore accounts, CredentialCipher cipher,
                                     ObjectProvider<ConnectFlows> connectFlows, AccountPauses pauses, Clock clock,
                                     ServerSettings settings) {
        ConnectFlows flows = connectFlows.getIfAvailable();
        return new AccountAccessTokens(accounts, cipher, flows == null ? Map.of() : flows.tokenEndpoints(), pauses,
                clock, settings.config().accessTokens());
    }

    /** The node's Google adapter. */
    @Bean
    GoogleCalendarProvider googleAdapter(AccountAccessTokens tokens, ApiCallLog callLog, CalsyncMetrics metrics,
                                         ServerSettings settings) {
        return ProviderAssembly.google(settings.config(), tokens, observed(callLog, metrics));
    }

    /**
     * The node's Microsoft Graph adapter, on the same tokens as Google's (static ones from the file, and those of
     * accounts connected in the browser, renewed at Microsoft's token endpoint).
     */
    @Bean
    MicrosoftCalendarProvider microsoftAdapter(AccountAccessTokens tokens, ApiCallLog callLog,
                                               CalsyncMetrics metrics, ServerSettings settings) {
        return ProviderAssembly.microsoft(settings.config(), tokens, observed(callLog, metrics));
    }

    @Bean
    AccountProviders accountProviders(AccountStore accounts, ServerSettings settings) {
        return new AccountProviders(accounts, settings.config());
    }

    /**
     * The provider every part of the node uses: each account's calls go to its provider's adapter (the account's
     * row says which, else the configuration, else Google).
     */
    @Bean
    @Primary
    CalendarProvider calendarProvider(GoogleCalendarProvider google, MicrosoftCalendarProvider microsoft,
                                      AccountProviders providers, ServerSettings settings, Recurrences recurrences,
                                      ApiCallLog callLog, CalsyncMetrics metrics, CaldavConnections connected) {
        var caldav = ProviderAssembly.caldav(settings.config(), recurrences, observed(callLog, metrics),
                connected::login);
        return ProviderAssembly.route(google, caldav, microsoft, providers::of);
    }

    /** Every provider call of the node goes to the quota log and to the Prometheus counters. */
    private static CallListener observed(ApiCallLog callLog, CalsyncMetrics metrics) {
        CallListener log = callLog.listener();
        return (calendar, kind, outcome) -> {
            metrics.onCall(calendar, kind, outcome);
            log.onCall(calendar, kind, outcome);
        };
    }

    @Bean
    ConnectedAccounts connectedAccounts(AccountStore accounts, CredentialCipher cipher, AccountPauses pauses,
                                        ServerSettings settings) {
        return new ConnectedAccounts(accounts, cipher, pauses, new TokenOwners(settings.config()));
    }

    @Bean
    CaldavConnections caldavConnections(AccountStore accounts, CredentialCipher cipher, AccountPauses pauses) {
        return new CaldavConnections(accounts, cipher, pauses, ProviderAssembly::connecting);
    }

    @Bean
    Recurrences recurrences() {
        return new LibRecurRecurrences();
    }

    @Bean
    Verifier verifier(CalendarProvider provider, JdbcSyncStore store, Recurrences recurrences, Clock clock) {
        return new Verifier(provider, store, recurrences, clock);
    }
}
