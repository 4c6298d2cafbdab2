package dev.calsync.app.demo;

import dev.calsync.app.security.WebSecurity;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * DEMO ONLY: a password form for the sample users, so the demo runs without a Google OAuth client. Registered only
 * under the {@code demo} profile; {@code serve} has no form login at all (tested).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
public class DemoSecurity {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService demoUsers(PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(DemoUsers.ALL.stream()
                .map(user -> User.withUsername(user.name()).password(encoder.encode(DemoUsers.PASSWORD))
                        .roles("USER").build())
                .toList());
    }

    @Bean
    SecurityFilterChain demoFilterChain(HttpSecurity http, Clock clock) throws Exception {
        WebSecurity.applyCommon(http, clock);
        http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/dashboard", true).permitAll());
        return http.build();
    }
}
