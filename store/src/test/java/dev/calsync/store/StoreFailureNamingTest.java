package dev.calsync.store;

import static dev.calsync.store.Fixtures.HOME;
import static dev.calsync.store.Fixtures.block;
import static dev.calsync.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.calsync.store.FailingDataSource.Failure;
import dev.calsync.store.TestDatabases.Db;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A failure says whether the database was unreachable and which store operation failed, in its message. */
class StoreFailureNamingTest {
    private static final String DATABASES = "dev.calsync.store.TestDatabases#all";

    @Test
    void aDatabaseNobodyAnswersIsUnreachableAndTheOperationIsNamed() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/nothing");
        config.setUsername("nobody");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1); // open the pool without a database, as a node whose database went away
        try (HikariDataSource pool = new HikariDataSource(config)) {
            // Opening a store asks the database for its dialect: the first statement there is.
            StoreException e = catchThrowableOfType(() -> new JdbcSyncStore(pool), StoreException.class);

            assertThat(e.unreachable()).isTrue();
            assertThat(e.operation()).isEqualTo("JdbcSyncStore.<init>");
            assertThat(e.getMessage()).startsWith("database unreachable in JdbcSyncStore.<init> (08001 ")
                    .contains("refused");
        }
    }

    @ParameterizedTest
    @MethodSource(DATABASES)
    void aLostConnectionIsUnreachableAndARefusedStatementIsNot(Db db) {
        String group = unique("group");
        StoreException lost = catchThrowableOfType(() -> new JdbcSyncStore(FailingDataSource.failingOn(
                db.dataSource(), "INTO blocks", Failure.CONNECTION_LOST)).saveBlocks(List.of(block(group, HOME, "cs1",
                "e1"))), StoreException.class);
        StoreException refused = catchThrowableOfType(() -> new JdbcSyncStore(FailingDataSource.failingOn(
                db.dataSource(), "INTO blocks", Failure.STATEMENT_REJECTED)).saveBlocks(List.of(block(group, HOME,
                "cs1", "e1"))), StoreException.class);

        assertThat(lost.unreachable()).isTrue();
        assertThat(lost.getMessage()).isEqualTo(
                "database unreachable in JdbcSyncStore.saveBlocks (08006 simulated: connection lost)");
        assertThat(refused.unreachable()).isFalse();
        assertThat(refused.getMessage()).isEqualTo(
                "database transaction failed in JdbcSyncStore.saveBlocks (23514 simulated: check constraint violated)");
    }
}
