package dev.calsync.bench;

import dev.calsync.core.push.EchoWindow;
import dev.calsync.push.ConfirmingEchoLedger;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/** The closes of echo windows, queued in simulated time instead of filed on db-scheduler as the service does. */
final class SimulatedEchoCloses implements ConfirmingEchoLedger.Closes {

    /** Window {@code window} is to be closed at {@code at}. */
    record Due(Instant at, EchoWindow window) {
    }

    private final PriorityQueue<Due> queue = new PriorityQueue<>(Comparator.comparing(Due::at)
            .thenComparing(due -> due.window().calendar().key()));

    @Override
    public void schedule(EchoWindow window, Instant at) {
        queue.add(new Due(at, window));
    }

    /** When the next close is due, or null when none is queued. */
    Instant next() {
        Due next = queue.peek();
        return next == null ? null : next.at();
    }

    /** The earliest close due by {@code until}, taken off the queue; null when none is. */
    EchoWindow takeDue(Instant until) {
        Due next = queue.peek();
        if (next == null || next.at().isAfter(until)) {
            return null;
        }
        return queue.poll().window();
    }
}
