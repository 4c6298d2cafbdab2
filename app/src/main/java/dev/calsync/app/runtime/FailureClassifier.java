package dev.calsync.app.runtime;

import dev.calsync.core.failure.Failure;
import dev.calsync.core.failure.FailureKind;
import dev.calsync.core.provider.ProviderException;
import dev.calsync.store.StoreException;
import java.sql.SQLException;

/**
 * What a pass that threw ran into, as the {@code FailurePolicy} sees it: the provider's own kind (with its
 * Retry-After), an unreachable database, a statement the database refused (the store's or another library's), or a
 * bug.
 */
public final class FailureClassifier {
    private FailureClassifier() {
    }

    public static Failure of(Throwable thrown) {
        if (thrown instanceof ProviderException provider) {
            return Failure.of(provider);
        }
        if (thrown instanceof StoreException store) {
            // Its message names the cause ("database unreachable in JdbcSyncStore.commit (08001 …)").
            return new Failure(store.unreachable() ? FailureKind.DATABASE_UNREACHABLE : FailureKind.DATABASE_FAILED,
                    null, store.getMessage());
        }
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                // A database failure outside the store (db-scheduler's own statements): classified the same way.
                return of(StoreException.of("the scheduler", "statement", false, sql));
            }
        }
        // The message of an unknown exception may quote anything: only its type goes into logs and pages.
        return Failure.of(FailureKind.UNEXPECTED, thrown.getClass().getSimpleName());
    }
}
