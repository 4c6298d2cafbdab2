package dev.calsync.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The databases every store test runs on: H2 in memory, H2 in a file (in a temp dir) and, when
 * {@code CALSYNC_TEST_POSTGRES_URL} is set, PostgreSQL ({@code CALSYNC_TEST_POSTGRES_USER} /
 * {@code CALSYNC_TEST_POSTGRES_PASSWORD}). Each is opened and migrated once per test JVM and shared;
 * tests isolate themselves by unique ids ({@link Fixtures#unique}).
 */
final class TestDatabases {

    /** One database under test; its name is what parameterized tests show. */
    record Db(String name, String url, String user, String password, DataSource dataSource) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Path TEMP_DIR;
    private static final List<Db> ALL = new ArrayList<>();

    static {
        try {
            TEMP_DIR = Files.createTempDirectory("calsync-store-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ALL.add(open("h2-mem", "jdbc:h2:mem:calsync-store-test", "sa", ""));
        ALL.add(open("h2-file", "jdbc:h2:file:" + TEMP_DIR.resolve("calsync"), "sa", ""));
        String postgres = System.getenv("CALSYNC_TEST_POSTGRES_URL");
        if (postgres != null && !postgres.isBlank()) {
            ALL.add(open("postgresql", postgres, env("CALSYNC_TEST_POSTGRES_USER"),
                    env("CALSYNC_TEST_POSTGRES_PASSWORD")));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::closeAll));
    }

    private TestDatabases() {
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    private static Db open(String name, String url, String user, String password) {
        return new Db(name, url, user, password, Databases.open(url, user, password));
    }

    /** For {@code @MethodSource("dev.calsync.store.TestDatabases#all")}. */
    static Stream<Db> all() {
        return ALL.stream();
    }

    static List<Db> list() {
        return List.copyOf(ALL);
    }

    static Path tempDir() {
        return TEMP_DIR;
    }

    private static void closeAll() {
        for (Db db : ALL) {
            ((HikariDataSource) db.dataSource()).close();
        }
        try (Stream<Path> files = Files.walk(TEMP_DIR)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
