package dev.calsync.app.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A reading that may block for long (the pool waits 30 s for a database that is gone; a provider retries for as long)
 * taken on a thread of its own, so that a health check or a scrape answers at once whatever happens. A reading younger
 * than {@code maxAge} is reused; an older one starts a new reading and stands until that one is {@code wait} overdue,
 * after which there is none (for a health check: DOWN). Only the very first caller waits, at most {@code wait}.
 */
final class BoundedReading<T> {

    private record Reading<T>(Instant at, T value) {
    }

    private final Supplier<T> read;
    private final Duration maxAge;
    private final Duration wait;
    private final Clock clock;
    private final Executor thread;
    private volatile Reading<T> last;
    private CompletableFuture<T> underWay;
    private Instant underWaySince;

    BoundedReading(String name, Supplier<T> read, Duration maxAge, Duration wait, Clock clock) {
        this.read = read;
        this.maxAge = maxAge;
        this.wait = wait;
        this.clock = clock;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The reading to go by now: a recent one, or the one before while a new reading is under way for less than
     * {@code wait}; empty once a reading is overdue (or the first one did not come within {@code wait}).
     */
    Optional<T> fresh() {
        Reading<T> known = last;
        Instant now = clock.instant();
        if (known != null && Duration.between(known.at(), now).compareTo(maxAge) < 0) {
            return Optional.of(known.value());
        }
        CompletableFuture<T> reading;
        Duration running;
        synchronized (this) {
            reading = start(now);
            running = Duration.between(underWaySince, now);
        }
        if (running.compareTo(wait) >= 0) {
            return Optional.empty();
        }
        if (known != null) {
            return Optional.of(known.value());
        }
        try {
            return Optional.of(reading.get(wait.minus(running).toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a reading must answer, not throw", e.getCause());
        }
    }

    /** The newest reading however old, or empty before the first one ended. */
    Optional<T> latest() {
        Reading<T> known = last;
        return known == null ? Optional.empty() : Optional.of(known.value());
    }

    private CompletableFuture<T> start(Instant now) {
        if (underWay == null || underWay.isDone()) {
            underWaySince = now;
            underWay = CompletableFuture.supplyAsync(() -> {
                T value = read.get();
                last = new Reading<>(clock.instant(), value);
                return value;
            }, thread);
        }
        return underWay;
    }
}
