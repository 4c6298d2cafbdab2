package dev.calsync.store;

import static dev.calsync.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.store.TestDatabases.Db;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AccountStoreTest {

    private static final String DATABASES = "dev.calsync.store.TestDatabases#all";

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void savedAccountReadsBackWithItsEncryptedCredentials(Db db) {
        AccountStore accounts = new AccountStore(db.dataSource());
        Account account = new Account(unique("acct"), unique("owner"), "google", "Work", "alice@work.example",
                new byte[] {0, 1, 2, (byte) 0xff}, AccountStatus.ACTIVE);

        accounts.save(account);

        assertThat(accounts.find(account.id())).contains(account);
        assertThat(accounts.find(unique("missing"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void savingAgainReplacesTheAccount(Db db) {
        AccountStore accounts = new AccountStore(db.dataSource());
        String id = unique("acct");
        accounts.save(new Account(id, "alice", "google", "Work", null, new byte[] {1}, null));
        Account reconnected = new Account(id, "alice", "google", "Work (new)", "a@b.example", null, AccountStatus.ACTIVE);

        accounts.save(reconnected);

        assertThat(accounts.find(id)).contains(reconnected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void listByOwnerShowsOnlyThatOwnersAccountsOrderedById(Db db) {
        AccountStore accounts = new AccountStore(db.dataSource());
        String owner = unique("owner");
        Account b = new Account(owner + "-b", owner, "google", null, null, null, null);
        Account a = new Account(owner + "-a", owner, "google", null, null, null, null);
        accounts.save(b);
        accounts.save(a);
        accounts.save(new Account(unique("acct"), unique("someone-else"), "google", null, null, null, null));

        assertThat(accounts.listByOwner(owner)).containsExactly(a, b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void markStatusFlagsAnAccountForReconnect(Db db) {
        AccountStore accounts = new AccountStore(db.dataSource());
        Account account = new Account(unique("acct"), "alice", "google", null, null, new byte[] {9}, null);
        accounts.save(account);

        assertThat(accounts.markStatus(account.id(), AccountStatus.RECONNECT_NEEDED)).isTrue();

        assertThat(accounts.find(account.id())).contains(account.withStatus(AccountStatus.RECONNECT_NEEDED));
        assertThat(accounts.markStatus(unique("missing"), AccountStatus.ACTIVE)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DATABASES)
    void deleteRemovesTheAccount(Db db) {
        AccountStore accounts = new AccountStore(db.dataSource());
        Account account = new Account(unique("acct"), "alice", "google", null, null, null, null);
        accounts.save(account);

        assertThat(accounts.delete(account.id())).isTrue();
        assertThat(accounts.find(account.id())).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void credentialsNeverAppearInToString() {
        Account account = new Account("a", "o", "google", null, null, "secret".getBytes(), null);

        assertThat(account.toString()).doesNotContain("secret").doesNotContain("[B@").contains("(hidden)");
    }
}
