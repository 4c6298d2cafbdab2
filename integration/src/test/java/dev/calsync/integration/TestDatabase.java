package dev.calsync.integration;

import dev.calsync.store.Databases;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The databases every engine test runs on: H2 always, PostgreSQL when CI (or a developer) provides one. */
public record TestDatabase(String name, String url, String user, String password) {

    public static List<TestDatabase> all() {
        List<TestDatabase> databases = new ArrayList<>();
        databases.add(new TestDatabase("h2", "jdbc:h2:mem:it" + UUID.randomUUID().toString().replace("-", ""), "sa", ""));
        String postgres = System.getenv("CALSYNC_TEST_POSTGRES_URL");
        if (postgres != null && !postgres.isBlank()) {
            databases.add(new TestDatabase("postgresql", postgres,
                    System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_USER", "calsync"),
                    System.getenv().getOrDefault("CALSYNC_TEST_POSTGRES_PASSWORD", "calsync")));
        }
        return databases;
    }

    public DataSource open() {
        return Databases.open(url, user, password);
    }

    @Override
    public String toString() {
        return name;
    }
}
