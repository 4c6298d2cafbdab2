package dev.calsync.push;

import dev.calsync.core.push.EchoLedger;
import java.util.List;

/**
 * One channel round of the whole installation: every provider's {@link ChannelKeeper}, then the reads their rounds
 * ask for (calendars whose channel lapsed) handed to the debouncer, then one purge of the echo ledger every
 * provider's writes share (which also files again the closes of echo windows left overdue).
 */
public final class ChannelRound {
    private final List<ChannelKeeper> keepers;
    private final EchoLedger echoes;
    private final NotificationIntake.Debouncer debouncer;

    public ChannelRound(List<ChannelKeeper> keepers, EchoLedger echoes, NotificationIntake.Debouncer debouncer) {
        this.keepers = List.copyOf(keepers);
        this.echoes = echoes;
        this.debouncer = debouncer;
    }

    /** Runs the round; returns each keeper's, in the keepers' order. */
    public List<ChannelKeeper.Round> run() {
        List<ChannelKeeper.Round> rounds = keepers.stream().map(ChannelKeeper::maintain).toList();
        rounds.forEach(round -> round.uncovered().forEach(debouncer::changed));
        echoes.purgeExpired();
        return rounds;
    }
}
