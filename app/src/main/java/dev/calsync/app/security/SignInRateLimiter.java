package dev.calsync.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code limit} sign-in attempts per client address per window; more are answered 429 with Retry-After.
 * Sign-in attempts: starting the OIDC flow, its callback, and the demo's login form. In memory, per node: enough to
 * slow down guessing and callback flooding; a cluster behind a proxy should limit there too.
 */
public final class SignInRateLimiter extends OncePerRequestFilter {

    private record Window(Instant start, int attempts) {
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> byClient = new ConcurrentHashMap<>();

    public SignInRateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean demoLogin = path.equals("/login") && "POST".equals(request.getMethod());
        return !(demoLogin || path.startsWith("/oauth2/authorization/") || path.startsWith("/login/oauth2/code/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant now = clock.instant();
        Window counted = byClient.compute(request.getRemoteAddr(), (client, current) ->
                current == null || !now.isBefore(current.start().plus(window))
                        ? new Window(now, 1) : new Window(current.start(), current.attempts() + 1));
        if (counted.attempts() > limit) {
            long retryAfter = Math.max(1, Duration.between(now, counted.start().plus(window)).toSeconds());
            response.setHeader("Retry-After", Long.toString(retryAfter));
            response.sendError(429, "Too many sign-in attempts; try again in " + retryAfter + " s");
            return;
        }
        if (byClient.size() > 10_000) {
            // Forget finished windows so a flood of addresses cannot grow the map without bound.
            byClient.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        }
        chain.doFilter(request, response);
    }
}
