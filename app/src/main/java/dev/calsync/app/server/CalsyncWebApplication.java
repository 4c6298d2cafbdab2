package dev.calsync.app.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;

/**
 * The Spring Boot application behind {@code serve} and {@code demo}. Only these two verbs start it; the other CLI
 * verbs stay plain Java. Migrations run when the data source opens ({@code Databases.open}), not through Boot.
 */
@SpringBootApplication(
        scanBasePackages = {
            "dev.calsync.app.server", "dev.calsync.app.security", "dev.calsync.app.web",
            "dev.calsync.app.schedule", "dev.calsync.app.demo"},
        exclude = FlywayAutoConfiguration.class)
public class CalsyncWebApplication {
}
