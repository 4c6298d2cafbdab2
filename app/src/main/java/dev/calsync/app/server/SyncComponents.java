package dev.calsync.app.server;

import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.app.accounts.AccountAccessTokens;
import dev.calsync.app.accounts.AccountPauses;
import dev.calsync.app.accounts.ConnectedAccounts;
import dev.calsync.app.accounts.CredentialCipher;
import dev.calsync.app.accounts.TokenEndpoint;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.core.recurrence.Recurrences;
import dev.calsync.core.sync.SyncEngine;
import dev.calsync.core.sync.Verifier;
import dev.calsync.google.GoogleCalendarProvider;
import dev.calsync.google.StaticAccessTokens;
import dev.calsync.recurrence.LibRecurRecurrences;
import dev.calsync.store.AccountStore;
import dev.calsync.store.ApiCallLog;
import dev.calsync.store.Databases;
import dev.calsync.store.JdbcSyncStore;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sync machinery of the server: database, stores, token source, Google provider, engine and verifier. */
@Configuration(proxyBeanMethods = false)
public class SyncComponents {

    /** Long enough for a slow pass between renewals; short enough that a crashed node's group is soon free. */
    static final Duration LEASE_TTL = Duration.ofSeconds(30);

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
        JdbcSyncStore store = new JdbcSyncStore(dataSource, clock);
        // Groups declared in the file are part of the service too, as with the CLI verbs.
        settings.config().groups().forEach(store::saveGroup);
        return store;
    }

    @Bean
    AccountStore accountStore(HikariDataSource dataSource, Clock clock) {
        return new AccountStore(dataSource, clock);
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
    AccountPauses accountPauses(AccountStore accounts, JdbcSyncStore store) {
        return new AccountPauses(accounts, store);
    }

    @Bean
    AccountAccessTokens accessTokens(AccountStore accounts, CredentialCipher cipher,
                                     ObjectProvider<TokenEndpoint> tokenEndpoint, AccountPauses pauses, Clock clock,
                                     ServerSettings settings) {
        return new AccountAccessTokens(accounts, cipher, tokenEndpoint.getIfAvailable(), pauses, clock,
                settings.config().accessTokens());
    }

    @Bean
    GoogleCalendarProvider calendarProvider(AccountAccessTokens tokens, ApiCallLog callLog, ServerSettings settings) {
        return GoogleCalendarProvider.builder(tokens)
                .rootUrl(settings.config().google().rootUrl())
                .callListener(callLog.listener())
                .build();
    }

    @Bean
    ConnectedAccounts connectedAccounts(AccountStore accounts, CredentialCipher cipher, AccountPauses pauses,
                                        ServerSettings settings) {
        String rootUrl = settings.config().google().rootUrl();
        return new ConnectedAccounts(accounts, cipher, pauses,
                token -> GoogleCalendarProvider.builder(StaticAccessTokens.of("connecting", token))
                        .rootUrl(rootUrl).build());
    }

    @Bean
    Recurrences recurrences() {
        return new LibRecurRecurrences();
    }

    @Bean
    SyncEngine syncEngine(GoogleCalendarProvider provider, JdbcSyncStore store, Recurrences recurrences, Clock clock) {
        return new SyncEngine(provider, store, recurrences, clock, workerId(), LEASE_TTL);
    }

    @Bean
    Verifier verifier(GoogleCalendarProvider provider, JdbcSyncStore store, Recurrences recurrences, Clock clock) {
        return new Verifier(provider, store, recurrences, clock);
    }

    /** Names this node in leases: host, pid and a random part so restarts never share a name. */
    private static String workerId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
