package dev.calsync.app.ops;

import dev.calsync.app.cluster.ClusterConfiguration;
import dev.calsync.app.metrics.MetricsConfiguration;
import dev.calsync.app.push.PushConfiguration;
import dev.calsync.app.server.ServerSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Always-on operation for {@code serve} and {@code demo}: clustered scheduling, push notifications, metrics. Loaded
 * as an auto-configuration (listed in {@code META-INF/spring/…AutoConfiguration.imports}), after the application's
 * own beans, so it plugs in without touching the web layer's configuration.
 */
@AutoConfiguration
@ConditionalOnBean(ServerSettings.class)
@Import({MetricsConfiguration.class, ClusterConfiguration.class, PushConfiguration.class})
public class OpsAutoConfiguration {

    /**
     * {@code /actuator/prometheus} and the health probes for machines, without sign-in or session. With
     * {@code CALSYNC_METRICS_TOKEN} set ({@code calsync.metrics.token}), the metrics need
     * {@code Authorization: Bearer <token>}; health stays open (it shows states only).
     */
    @Bean
    @Order(2)
    SecurityFilterChain operationsFilterChain(HttpSecurity http,
                                              @Value("${calsync.metrics.token:}") String metricsToken)
            throws Exception {
        http.securityMatcher("/actuator/prometheus", "/actuator/health", "/actuator/health/**")
                .authorizeHttpRequests(requests -> {
                    if (!metricsToken.isBlank()) {
                        requests.requestMatchers("/actuator/prometheus")
                                .access((authentication, context) -> new org.springframework.security.authorization
                                        .AuthorizationDecision(bearerMatches(context.getRequest()
                                                .getHeader("Authorization"), metricsToken)));
                    }
                    requests.anyRequest().permitAll();
                })
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    static boolean bearerMatches(String header, String token) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
