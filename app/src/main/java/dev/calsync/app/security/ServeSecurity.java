package dev.calsync.app.security;

import dev.calsync.app.accounts.ConnectFlow;
import dev.calsync.app.accounts.ConnectFlows;
import dev.calsync.app.accounts.TokenEndpoint;
import dev.calsync.app.config.MicrosoftConfig;
import dev.calsync.app.config.OAuthConfig;
import dev.calsync.app.server.ServerSettings;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
 * {@code serve}: sign-in with Google (OpenID Connect, endpoints from the issuer's discovery document), the
 * "connect an account" flow on the same OAuth client, and Microsoft's on its own app registration. There is no
 * other way in: no form login, no demo users.
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

    /**
     * Google's connect flow on the sign-in client, and Microsoft's when its app registration is configured
     * ({@code microsoft.clientId}): authorization code with PKCE at the tenant's identity platform endpoints.
     */
    @Bean
    ConnectFlows connectFlows(ServerSettings settings, ClientRegistrationRepository registrations, Clock clock) {
        OAuthConfig oauth = settings.config().oauth();
        var google = registrations.findByRegistrationId(REGISTRATION_ID).getProviderDetails();
        String tokenUri = oauth.tokenUri() != null ? oauth.tokenUri() : google.getTokenUri();
        String authorizationUri = oauth.authorizationUri() != null ? oauth.authorizationUri()
                : google.getAuthorizationUri();
        List<ConnectFlow> flows = new ArrayList<>();
        flows.add(ConnectFlow.google(URI.create(authorizationUri), oauth.clientId(),
                new TokenEndpoint(URI.create(tokenUri), oauth.clientId(), oauth.clientSecret(), clock)));
        MicrosoftConfig microsoft = settings.config().microsoft();
        if (microsoft.connectConfigured()) {
            String authority = microsoft.authority();
            flows.add(ConnectFlow.microsoft(URI.create(authority + "authorize"), microsoft.clientId(),
                    new TokenEndpoint(URI.create(authority + "token"), microsoft.clientId(),
                            microsoft.clientSecret(), ConnectFlow.MICROSOFT_SCOPES, clock)));
        }
        return new ConnectFlows(flows);
    }

    @Bean
    SecurityFilterChain serveFilterChain(HttpSecurity http, Clock clock) throws Exception {
        WebSecurity.applyCommon(http, clock);
        http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/dashboard", true));
        return http.build();
    }
}
