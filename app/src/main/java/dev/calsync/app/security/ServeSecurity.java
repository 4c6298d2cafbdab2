package dev.calsync.app.security;

import dev.calsync.app.accounts.ConnectFlow;
import dev.calsync.app.accounts.TokenEndpoint;
import dev.calsync.app.config.OAuthConfig;
import dev.calsync.app.server.ServerSettings;
import java.net.URI;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code serve}: sign-in with Google (OpenID Connect, endpoints from the issuer's discovery document) and the
 * "connect an account" flow on the same OAuth client. There is no other way in: no form login, no demo users.
 */
@Configuration(proxyBeanMethods = false)
@Profile("serve")
public class ServeSecurity {

    public static final String REGISTRATION_ID = "google";

    @Bean
    ClientRegistrationRepository clientRegistrations(ServerSettings settings) {
        return new InMemoryClientRegistrationRepository(signInRegistration(settings.config().oauth()));
    }

    static ClientRegistration signInRegistration(OAuthConfig oauth) {
        return ClientRegistrations.fromIssuerLocation(oauth.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientName("Google")
                .clientId(oauth.clientId())
                .clientSecret(oauth.clientSecret() == null ? "" : oauth.clientSecret())
                .scope("openid", "email")
                .build();
    }

    @Bean
    TokenEndpoint tokenEndpoint(ServerSettings settings, ClientRegistrationRepository registrations, Clock clock) {
        OAuthConfig oauth = settings.config().oauth();
        String uri = oauth.tokenUri() != null ? oauth.tokenUri()
                : registrations.findByRegistrationId(REGISTRATION_ID).getProviderDetails().getTokenUri();
        return new TokenEndpoint(URI.create(uri), oauth.clientId(), oauth.clientSecret(), clock);
    }

    @Bean
    ConnectFlow connectFlow(ServerSettings settings, ClientRegistrationRepository registrations,
                            TokenEndpoint tokenEndpoint) {
        OAuthConfig oauth = settings.config().oauth();
        String uri = oauth.authorizationUri() != null ? oauth.authorizationUri()
                : registrations.findByRegistrationId(REGISTRATION_ID).getProviderDetails().getAuthorizationUri();
        return new ConnectFlow(URI.create(uri), oauth.clientId(), tokenEndpoint);
    }

    @Bean
    SecurityFilterChain serveFilterChain(HttpSecurity http, Clock clock) throws Exception {
        WebSecurity.applyCommon(http, clock);
        http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/dashboard", true));
        return http.build();
    }
}
