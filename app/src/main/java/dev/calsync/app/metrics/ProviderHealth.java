package dev.calsync.app.metrics;

import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code google} health component: a cheap real call (the calendar list of one active account), cached for
 * {@link #MAX_AGE} so that health probes cost at most a few calls an hour per node. The call (retries and all) runs
 * on a thread of its own: health waits at most {@link #WAIT} for it and otherwise answers with the last result
 * (UNKNOWN before the first). A refused grant is the account's problem, not the provider's: that stays UP. Details
 * name no account, token or calendar.
 */
public final class ProviderHealth implements HealthIndicator {
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final Duration WAIT = Duration.ofMillis(300);

    private final CalendarProvider provider;
    private final Supplier<Optional<String>> account;
    private final BoundedReading<Health> check;

    public ProviderHealth(CalendarProvider provider, Supplier<Optional<String>> account, Clock clock) {
        this.provider = provider;
        this.account = account;
        this.check = new BoundedReading<>("calsync-provider-probe", this::check, MAX_AGE, WAIT, clock);
    }

    @Override
    public Health health() {
        return check.fresh().or(check::latest)
                .orElseGet(() -> Health.unknown().withDetail("check", "under way").build());
    }

    private Health check() {
        Optional<String> accountId;
        try {
            accountId = account.get();
        } catch (RuntimeException e) {
            return Health.unknown().withDetail("check", "no account to check with").build();
        }
        if (accountId.isEmpty()) {
            return Health.unknown().withDetail("check", "no account to check with").build();
        }
        try {
            provider.listCalendars(accountId.get());
            return Health.up().build();
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.UNAUTHORIZED) {
                return Health.up().withDetail("check", "the checked account needs reconnecting").build();
            }
            return Health.down().withDetail("status", e.status()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
