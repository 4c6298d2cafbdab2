package dev.calsync.app.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Puts the security headers on every response before the application sees the request, so that the pages Tomcat
 * writes itself (a request it refuses before Spring runs) carry them as the application's pages do. Spring
 * Security writes the same values again on the application's own responses.
 */
public final class SecurityHeadersValve extends ValveBase {

    public SecurityHeadersValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        WebSecurity.HEADERS.forEach(response::setHeader);
        getNext().invoke(request, response);
    }
}
