package dev.calsync.app.accounts;

import dev.calsync.core.provider.CalendarProvider;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.store.AccountProbeStore;
import dev.calsync.store.AccountStatus;
import dev.calsync.store.AccountStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a paused account's grant works again, asked with one cheap call (its calendar list) and never more
 * often than the back-off allows: the first probe at once, then after 1, 2, 4, … minutes, at most hourly. So a
 * restored static token or a grant that works again resumes the account's groups with no one typing anything,
 * and an account that stays refused costs at most 24 calls a day. The schedule is in the database, so the CLI's
 * runs and a cluster's nodes share it; each due probe is claimed there first, so only one of them makes it.
 */
public final class AccountProbes {
    private static final System.Logger LOG = System.getLogger(AccountProbes.class.getName());
    static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final CalendarProvider provider;
    private final AccountStore accounts;
    private final AccountProbeStore probes;
    private final Clock clock;

    public AccountProbes(CalendarProvider provider, AccountStore accounts, AccountProbeStore probes, Clock clock) {
        this.provider = provider;
        this.accounts = accounts;
        this.probes = probes;
        this.clock = clock;
    }

    /** The wait after {@code failures} probes in a row failed: 1, 2, 4, … minutes, at most an hour. */
    static Duration waitAfter(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long minutes = FIRST_WAIT.toMinutes() << Math.min(failures - 1, 10);
        return minutes >= LONGEST_WAIT.toMinutes() ? LONGEST_WAIT : Duration.ofMinutes(minutes);
    }

    /**
     * Probes the account if it is due.
     *
     * @return true when the account answered: its grant works again
     */
    public boolean worksAgain(String accountId) {
        Instant now = clock.instant();
        Optional<AccountProbeStore.Probe> last = probes.find(accountId);
        if (last.isPresent() && now.isBefore(last.get().next())) {
            return false;
        }
        int failures = last.map(AccountProbeStore.Probe::failures).orElse(0);
        // The slot is this caller's alone: of two nodes (or two passes) that found it due, one probes.
        if (!probes.claim(accountId, now, now.plus(waitAfter(failures + 1)))) {
            return false;
        }
        // The token source refuses accounts marked "reconnect needed"; the probe must reach the provider.
        accounts.markStatus(accountId, AccountStatus.ACTIVE);
        try {
            provider.listCalendars(accountId);
        } catch (ProviderException e) {
            accounts.markStatus(accountId, AccountStatus.RECONNECT_NEEDED);
            probes.save(new AccountProbeStore.Probe(accountId, failures + 1, now.plus(waitAfter(failures + 1))));
            LOG.log(Level.INFO, "account {0} still refused ({1}); next probe in {2} min", accountId,
                    e.kind().name().toLowerCase(java.util.Locale.ROOT), waitAfter(failures + 1).toMinutes());
            return false;
        }
        probes.clear(accountId);
        LOG.log(Level.INFO, "account {0} answers again; its groups resume", accountId);
        return true;
    }

    /** A fresh pause or a manual resume: the next probe is due at once, then the back-off starts anew. */
    public void restart(String accountId) {
        probes.clear(accountId);
    }
}
