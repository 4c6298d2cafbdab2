package dev.calsync.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.calsync.app.demo.DemoSecurity;
import dev.calsync.app.server.CalsyncWebApplication;
import dev.calsync.app.server.ServeTestConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** {@code serve}: Google sign-in only, no demo sign-in, security headers, CSRF, a sign-in rate limit. */
@SpringBootTest(classes = {CalsyncWebApplication.class, ServeTestConfig.class},
        properties = "logging.level.dev.calsync=WARN")
@ActiveProfiles("serve")
@AutoConfigureMockMvc
class ServeSecurityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    @Test
    void serveHasNoDemoSignInAtAll() throws Exception {
        assertThat(context.getBeanNamesForType(DemoSecurity.class)).isEmpty();
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
        String page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Sign in with Google").doesNotContain("DEMO").doesNotContain("password");
        // The demo's form post goes nowhere: no session is signed in by it.
        MvcResult attempt = mvc.perform(post("/login").param("username", "alice").param("password", "demo")
                .with(csrf())).andReturn();
        MockHttpSession session = (MockHttpSession) attempt.getRequest().getSession(false);
        mvc.perform(get("/dashboard").session(session == null ? new MockHttpSession() : session))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    void signInStartsTheOidcFlowAtTheIssuer() throws Exception {
        String location = mvc.perform(get("/oauth2/authorization/google").with(request -> {
            request.setRemoteAddr("10.0.0.1");
            return request;
        })).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).contains("/google/authorize").contains("scope=openid").contains("state=")
                .contains("nonce=");
    }

    @Test
    void pagesNeedASignedInPerson() throws Exception {
        mvc.perform(get("/dashboard")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/accounts")).andExpect(status().is3xxRedirection());
    }

    @Test
    void everyPageCarriesSecurityHeaders() throws Exception {
        mvc.perform(get("/dashboard").with(oidcLogin().idToken(t -> t.subject("someone"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", WebSecurity.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
        assertThat(WebSecurity.CONTENT_SECURITY_POLICY).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    @Test
    void htmxIsServedFromTheApplicationItself() throws Exception {
        mvc.perform(get("/webjars/htmx.org/2.0.4/dist/htmx.min.js")).andExpect(status().isOk());
    }

    @Test
    void tooManySignInAttemptsFromOneAddressAreRefused() throws Exception {
        for (int i = 0; i < WebSecurity.SIGN_IN_ATTEMPTS_PER_MINUTE; i++) {
            mvc.perform(get("/oauth2/authorization/google").with(request -> {
                request.setRemoteAddr("10.9.9.9");
                return request;
            })).andExpect(status().is3xxRedirection());
        }
        mvc.perform(get("/oauth2/authorization/google").with(request -> {
            request.setRemoteAddr("10.9.9.9");
            return request;
        })).andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        // Another address is not affected.
        mvc.perform(get("/oauth2/authorization/google").with(request -> {
            request.setRemoteAddr("10.9.9.10");
            return request;
        })).andExpect(status().is3xxRedirection());
    }
}
