package dev.calsync.app.cluster;

import dev.calsync.app.accounts.AccountPauses;
import dev.calsync.app.accounts.AccountProbes;
import dev.calsync.app.runtime.FailureClassifier;
import dev.calsync.core.failure.Failure;
import dev.calsync.core.failure.FailureKind;
import dev.calsync.store.ClusterQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@value ClusterConfiguration#PROBE_TASK} task of {@code serve}: every account that holds up a paused group is
 * probed when its back-off says so (the schedule and the claim of each due probe are in the database, so the nodes
 * share them and a due probe is made once), and the groups of an account that answers again resume and have a pass
 * queued at once, without waiting for their next poll. A poll of a paused group probes the same way (see
 * {@code PassRunner}); whichever comes first makes the probe.
 */
final class AccountProbeRound {
    private static final Logger LOG = LoggerFactory.getLogger(AccountProbeRound.class);

    private final ClusterQueries queries;
    private final AccountProbes probes;
    private final AccountPauses pauses;

    AccountProbeRound(ClusterQueries queries, AccountProbes probes, AccountPauses pauses) {
        this.queries = queries;
        this.probes = probes;
        this.pauses = pauses;
    }

    /**
     * @param queue queues a pass of a group that resumed
     * @return the groups resumed in this round
     */
    List<String> run(Consumer<String> queue) {
        List<String> resumed = new ArrayList<>();
        try {
            for (String account : queries.accountsHoldingUpPausedGroups()) {
                try {
                    if (probes.worksAgain(account)) {
                        resumed.addAll(pauses.reconnected(account));
                    }
                } catch (RuntimeException e) {
                    failed("probing account " + account, e); // the other accounts are still probed
                }
            }
            resumed.forEach(queue);
        } catch (RuntimeException e) {
            failed("the account probe round", e); // the next round tries again
        }
        return resumed;
    }

    /**
     * One line naming the cause, never a stack trace; an unreachable database is the passes' and the health
     * probe's to report (once per outage), so it is only a debug line here.
     */
    private static void failed(String subject, RuntimeException e) {
        Failure failure = FailureClassifier.of(e);
        if (failure.kind() == FailureKind.DATABASE_UNREACHABLE) {
            LOG.debug("{} failed: {}", subject, failure.description());
        } else {
            LOG.warn("{} failed: {}", subject, failure.description());
        }
    }
}
