package dev.calsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calsync.store.TestDatabases.Db;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DatabasesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:h2:file:./data/calsync             | jdbc:h2:file:./data/calsync;AUTO_SERVER=TRUE",
        "jdbc:h2:./data/calsync                  | jdbc:h2:./data/calsync;AUTO_SERVER=TRUE",
        "jdbc:h2:~/calsync;MODE=Regular          | jdbc:h2:~/calsync;MODE=Regular;AUTO_SERVER=TRUE",
        "jdbc:h2:file:/db/x;AUTO_SERVER=TRUE     | jdbc:h2:file:/db/x;AUTO_SERVER=TRUE",
        "jdbc:h2:file:/db/x;auto_server=false    | jdbc:h2:file:/db/x;auto_server=false",
        "jdbc:h2:mem:test                        | jdbc:h2:mem:test;DB_CLOSE_DELAY=-1",
        "jdbc:h2:mem:test;DB_CLOSE_DELAY=10      | jdbc:h2:mem:test;DB_CLOSE_DELAY=10",
        "jdbc:h2:tcp://localhost/~/calsync       | jdbc:h2:tcp://localhost/~/calsync",
        "jdbc:postgresql://127.0.0.1:5432/calsync | jdbc:postgresql://127.0.0.1:5432/calsync",
    })
    void h2FileUrlsGetAutoServerButMemoryAndServerUrlsDoNot(String given, String opened) {
        assertThat(Databases.effectiveUrl(given)).isEqualTo(opened);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.calsync.store.TestDatabases#all")
    void migratingAnUpToDateDatabaseAgainChangesNothing(Db db) {
        Databases.migrate(db.dataSource());
        Databases.migrate(db.dataSource());
    }
}
