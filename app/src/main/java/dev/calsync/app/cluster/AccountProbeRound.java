package dev.calsync.app.cluster;

import dev.calsync.app.accounts.AccountPauses;
import dev.calsync.app.accounts.AccountProbes;
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
        for (String account : queries.accountsHoldingUpPausedGroups()) {
            try {
                if (probes.worksAgain(account)) {
                    resumed.addAll(pauses.reconnected(account));
                }
            } catch (RuntimeException e) {
                // The next round tries again; the other accounts are still probed.
                LOG.warn("probing account {} failed: {}", account, e.toString());
            }
        }
        resumed.forEach(queue);
        return resumed;
    }
}
