package dev.calsync.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calsync.caldav.dav.Backoff;
import dev.calsync.core.calendar.CalendarInfo;
import dev.calsync.core.provider.ProviderException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accounts the provider is not built with are asked of its lookup on every call, against a Radicale that checks
 * passwords: a new password (a reconnect) is used at once, a removed account is not found, fixed accounts come first.
 */
class AccountLookupRadicaleTest {
    static RadicaleServer radicale;
    static URI home;

    @BeforeAll
    static void startRadicale() throws Exception {
        radicale = RadicaleServer.startWithLogins(Map.of("dora", "right-password"));
        home = radicale.calendar("dora", "home");
    }

    @AfterAll
    static void stopRadicale() throws Exception {
        if (radicale != null) {
            radicale.close();
        }
    }

    @Test
    void aLookedUpAccountFollowsItsCurrentLogin() {
        Map<String, CaldavAccount> stored = new ConcurrentHashMap<>();
        CaldavCalendarProvider provider = CaldavCalendarProvider.builder().backoff(Backoff.none())
                .accountLookup(id -> Optional.ofNullable(stored.get(id))).build();

        assertThatThrownBy(() -> provider.listCalendars("web"))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));

        stored.put("web", new CaldavAccount(radicale.root(), "dora", "old-password"));
        assertThatThrownBy(() -> provider.listCalendars("web"))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED));

        stored.put("web", new CaldavAccount(radicale.root(), "dora", "right-password"));
        assertThat(provider.listCalendars("web")).extracting(CalendarInfo::id).containsExactly(home.getRawPath());

        stored.remove("web");
        assertThatThrownBy(() -> provider.listCalendars("web")).isInstanceOf(ProviderException.class);
    }

    @Test
    void configuredAccountsComeBeforeTheLookup() {
        CaldavCalendarProvider provider = CaldavCalendarProvider.builder().backoff(Backoff.none())
                .account("file", new CaldavAccount(radicale.root(), "dora", "right-password"))
                .accountLookup(id -> Optional.of(new CaldavAccount(radicale.root(), "dora", "wrong-password")))
                .build();

        assertThat(provider.listCalendars("file")).extracting(CalendarInfo::id).containsExactly(home.getRawPath());
    }
}
