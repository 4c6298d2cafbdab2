package dev.calsync.google;

import dev.calsync.core.provider.AccessTokens;
import java.util.concurrent.atomic.AtomicInteger;

/** An OAuth-like token source: hands out one token until refreshed, then another. Counts refreshes. */
final class RefreshingTokens implements AccessTokens {
    private volatile String current;
    private final String afterRefresh;
    final AtomicInteger refreshes = new AtomicInteger();

    RefreshingTokens(String initial, String afterRefresh) {
        this.current = initial;
        this.afterRefresh = afterRefresh;
    }

    @Override
    public String accessToken(String accountId) {
        return current;
    }

    @Override
    public boolean refresh(String accountId) {
        refreshes.incrementAndGet();
        current = afterRefresh;
        return true;
    }
}
