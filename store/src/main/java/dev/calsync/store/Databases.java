package dev.calsync.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Opens the calsync database (H2 or PostgreSQL) as a connection pool with the schema migrated. */
public final class Databases {

    /** Where the migrations live; the same SQL serves H2 and PostgreSQL. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private static final int POOL_SIZE = 10;

    private Databases() {
    }

    /**
     * A pool on {@code jdbcUrl} (see {@link #effectiveUrl}) with every migration applied.
     * The caller closes the returned pool when done.
     */
    public static HikariDataSource open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(effectiveUrl(jdbcUrl));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("calsync");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    /** Brings the schema up to date; safe to call from several processes at once (Flyway locks). */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .load()
                .migrate();
    }

    /**
     * The URL actually opened. An embedded H2 file database is locked to one process; H2's automatic mixed
     * mode ({@code AUTO_SERVER=TRUE}) lets a second process (a CLI {@code sync} next to a running server) reach
     * it through the first, so it is added when the URL does not say otherwise. An in-memory H2 database gets
     * {@code DB_CLOSE_DELAY=-1} instead, so it survives the pool closing all its connections at once (Hikari
     * retires connections by age). Server URLs and other databases are left alone.
     */
    public static String effectiveUrl(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:")) {
            return jdbcUrl;
        }
        String database = lower.substring("jdbc:h2:".length());
        if (database.startsWith("mem:")) {
            return lower.contains(";db_close_delay=") ? jdbcUrl : jdbcUrl + ";DB_CLOSE_DELAY=-1";
        }
        boolean server = database.startsWith("tcp:") || database.startsWith("ssl:") || database.startsWith("zip:");
        if (server || lower.contains(";auto_server=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";AUTO_SERVER=TRUE";
    }
}
