package dev.calsync.app.ops;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Operational defaults of the web application, placed just above {@code application.yml} (so the environment and
 * system properties still override them):
 * <ul>
 *   <li>actuator exposes {@code health} and {@code prometheus} only; health shows its components' states (database,
 *       google, db-scheduler) but no details; liveness/readiness groups on, readiness with the database (a node
 *       that cannot reach it can serve nothing), liveness without (restarting a node does not bring a database
 *       back); Spring's own {@code db} check is off: it waits as long as the pool does (30 s), so calsync's
 *       {@code DatabaseHealth}, which answers within half a second, takes its place;</li>
 *   <li>db-scheduler names each node {@code host-pid} and declares a node dead after 4 missed 5 s heartbeats, so a
 *       killed node's running executions are revived by another node within about 20 to 30 seconds.</li>
 * </ul>
 */
public final class OpsEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "calsyncOpsDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.endpoints.web.exposure.include", "health,prometheus");
        defaults.put("management.endpoint.health.show-details", "never");
        defaults.put("management.endpoint.health.show-components", "always");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.probes.add-additional-paths", "false");
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,db");
        defaults.put("management.endpoint.health.group.liveness.include", "livenessState");
        defaults.put("management.health.db.enabled", "false");
        defaults.put("db-scheduler.heartbeat-interval", "5s");
        defaults.put("db-scheduler.missed-heartbeats-limit", "4");
        defaults.put("db-scheduler.scheduler-name", ManagementFactory.getRuntimeMXBean().getName());
        MapPropertySource source = new MapPropertySource(SOURCE, defaults);
        MutablePropertySources sources = environment.getPropertySources();
        PropertySource<?> firstConfigFile = null;
        for (PropertySource<?> candidate : sources) {
            if (candidate.getName().startsWith("Config resource")) {
                firstConfigFile = candidate;
                break;
            }
        }
        if (firstConfigFile != null) {
            sources.addBefore(firstConfigFile.getName(), source);
        } else {
            sources.addLast(source);
        }
    }
}
