package dev.calsync.app.security;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** What the serve and demo filter chains share: public paths, headers, CSRF, sessions, the sign-in rate limit. */
public final class WebSecurity {

    /**
     * Scripts and styles only from this origin, nothing inline, no framing. htmx is served from the jar
     * (webjars) and configured not to inject its indicator styles, so no 'unsafe-inline' is needed.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

    /** Written by Spring Security on the application's responses and by {@link SecurityHeadersValve} on Tomcat's. */
    public static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "Permissions-Policy", PERMISSIONS_POLICY);

    public static final int SIGN_IN_ATTEMPTS_PER_MINUTE = 20;

    private WebSecurity() {
    }

    public static void applyCommon(HttpSecurity http, Clock clock) throws Exception {
        http.authorizeHttpRequests(WebSecurity::publicPaths)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .xssProtection(xss -> xss.headerValue(XXssProtectionHeaderWriter.HeaderValue.DISABLED))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)))
                // Spring's defaults, spelled out: a new session id on sign-in, CSRF tokens on every form.
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .csrf(Customizer.withDefaults())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signInFirst()))
                .addFilterBefore(new SignInRateLimiter(SIGN_IN_ATTEMPTS_PER_MINUTE, Duration.ofMinutes(1), clock),
                        CsrfFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"));
    }

    /**
     * Who is not signed in goes to the sign-in page. htmx, refreshing part of a page, gets 401 with HX-Redirect
     * instead (htmx follows it whatever the status): the whole page goes to sign-in, rather than the sign-in page
     * being swapped into each part.
     */
    private static AuthenticationEntryPoint signInFirst() {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byRequest = new LinkedHashMap<>();
        byRequest.put(new RequestHeaderRequestMatcher("HX-Request", "true"), (request, response, e) -> {
            response.setHeader("HX-Redirect", request.getContextPath() + "/login");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        });
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(byRequest);
        entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
        return entryPoint;
    }

    private static void publicPaths(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error",
                        "/actuator/health")
                .permitAll()
                .anyRequest().authenticated();
    }
}
