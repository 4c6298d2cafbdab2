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
 * taken on a thread of its own, so that a health check or a scrape answers within {@code wait} whatever happens:
 * a reading younger than {@code maxAge} is reused; otherwise one is taken (or the one under way is waited for) for at
 * most {@code wait}. A reading still under way keeps running and serves the next callers when it ends.
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

    /** A reading no older than {@code maxAge}, or empty when none came within {@code wait}. */
    Optional<T> fresh() {
        Reading<T> known = last;
        if (known != null && Duration.between(known.at(), clock.instant()).compareTo(maxAge) < 0) {
            return Optional.of(known.value());
        }
        try {
            return Optional.of(start().get(wait.toMillis(), TimeUnit.MILLISECONDS));
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

    private synchronized CompletableFuture<T> start() {
        if (underWay == null || underWay.isDone()) {
            underWay = CompletableFuture.supplyAsync(() -> {
                T value = read.get();
                last = new Reading<>(clock.instant(), value);
                return value;
            }, thread);
        }
        return underWay;
    }
}
