package dev.calsync.app.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Tomcat itself does for the application's safety: forwarded headers believed from the operator's proxies
 * only ({@code calsync.trusted-proxies}; Spring's own forwarded-header handling is off), and the security headers
 * on Tomcat's own error pages.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerSecurity {

    @Bean
    TrustedProxies trustedProxies(@Value("${calsync.trusted-proxies:}") String setting) {
        return TrustedProxies.parse(setting);
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> securityValves(TrustedProxies proxies) {
        // Engine valves run first, before the host's error report valve writes Tomcat's error pages.
        return factory -> factory.addEngineValves(new SecurityHeadersValve(), new TrustedProxyValve(proxies));
    }
}
