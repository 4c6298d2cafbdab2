package dev.calsync.app.accounts;

import dev.calsync.app.assembly.ProviderAssembly;
import dev.calsync.app.config.CalsyncConfig;
import dev.calsync.store.Account;
import dev.calsync.store.AccountStore;
import java.util.function.Function;

/**
 * Which provider serves an account: the account's row says so (accounts connected in the browser), else the
 * configuration, else Google.
 */
public final class AccountProviders {
    private final AccountStore accounts;
    private final Function<String, String> declared;

    public AccountProviders(AccountStore accounts, CalsyncConfig config) {
        this.accounts = accounts;
        this.declared = ProviderAssembly.declaredIn(config);
    }

    public String of(String accountId) {
        return accounts.find(accountId).map(Account::provider).filter(p -> p != null && !p.isBlank())
                .orElseGet(() -> declared.apply(accountId));
    }
}
